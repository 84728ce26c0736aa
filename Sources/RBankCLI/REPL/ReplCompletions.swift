import BankStore
import Foundation
import LineREPL
import ReasoningBank

/// What the REPL's Tab completes besides the command tree: the task ids of each environment's suite, the
/// memory ids in the bank, environment names, the fixed choices of a few options, and paths.
struct ReplCompletions: Sendable {
    /// Each environment's task ids.
    var taskIDs: [String: [String]] = [:]
    /// Every item id in the bank, archived ones too (`bank restore` takes those).
    var memoryIDs: [String] = []
    /// The session's `--env`, for task ids when the line names no environment.
    var sessionEnvironment: String?
    var workingDirectory = FileManager.default.currentDirectoryPath

    /// The completer for `tree` over these values.
    func completer(tree: CommandTree) -> Completer {
        let values = self
        return Completer(tree: tree, sessionWords: ReplWord.completions) { valueName, context in
            values.candidates(valueName, context)
        }
    }

    /// Candidates for a value called `valueName` (as the commands declare it).
    func candidates(_ valueName: String, _ context: CompletionContext) -> [String] {
        switch valueName {
        case "task":
            let environment = context.given("--env") ?? sessionEnvironment ?? context.value(of: "--env") ?? "qa"
            return taskIDs[environment] ?? []
        case "env": return Workbench.environmentNames
        case "id", "ids": return memoryIDs
        case "provider": return LLMProvider.allCases.map(\.rawValue)
        case "memory-mode": return MemoryMode.allCases.map(\.rawValue)
        case "retrieval-key": return RetrievalSettings.Key.allCases.map(\.rawValue)
        case "bank", "prompts", "tasks", "file", "path", "embeddings":
            return PathCompletion.candidates(for: context.typed, workingDirectory: workingDirectory)
        default: return []
        }
    }

    /// Reads every environment's suite (an environment that cannot be loaded has no ids to offer).
    mutating func loadTaskIDs(_ configuration: Configuration) async {
        let seed = (try? configuration.offlineSeed) ?? 0
        for name in Workbench.environmentNames {
            guard let environment = try? Workbench.environment(named: name, seed: seed, configuration: configuration),
                let tasks = try? await environment.tasks()
            else { continue }
            taskIDs[name] = tasks.map(\.id)
        }
    }

    /// Reads the bank's item ids again (after a command may have changed them). A bank file that does not
    /// exist yet is not created.
    mutating func loadMemoryIDs(bankPath: URL) {
        guard FileManager.default.fileExists(atPath: bankPath.path), let bank = try? Bank(path: bankPath.path) else {
            memoryIDs = []
            return
        }
        defer { try? bank.close() }
        memoryIDs = ((try? bank.items(includeArchived: true)) ?? []).map(\.id)
    }
}

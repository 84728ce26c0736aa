import BankStore
import Environments
import Foundation
import Logging
import OfflineModels
import ReasoningBank

/// The components a command needs, built from the configuration: bank, model, embedder, prompts, environments.
struct Workbench {
    let configuration: Configuration
    let bank: Bank
    let models: ModelRoles
    let embedder: any Embedder
    let prompts: PromptSet
    let settings: LoopSettings
    /// `MAX_MEMORY_ITEMS_AGGREGATED`: items kept from a MaTTS extraction over several attempts.
    let scalingItems: Int

    /// Builds everything a run needs. Errors name the setting at fault and what to do.
    static func open(_ configuration: Configuration) throws -> Workbench {
        let settings: LoopSettings
        let scalingItems: Int
        do {
            settings = try configuration.loopSettings()
            scalingItems = try configuration.maxMemoryItemsAggregated
        } catch { throw CLIError(error.description) }
        return Workbench(
            configuration: configuration, bank: try openBank(configuration), models: try makeModels(configuration),
            embedder: try makeEmbedder(configuration), prompts: try loadPrompts(configuration), settings: settings,
            scalingItems: scalingItems)
    }

    /// Opens the bank only, for `rbank bank …`.
    static func openBank(_ configuration: Configuration) throws -> Bank {
        let url = configuration.memoryBankPath
        if url.pathExtension.lowercased() == "json" {
            throw CLIError(
                "MEMORY_BANK_PATH points to \(url.path), a JSON file. rbank keeps its bank in SQLite: set "
                    + "MEMORY_BANK_PATH to a .sqlite path and bring the JSON bank in with `rbank bank import \(url.path)`.")
        }
        do { return try Bank(path: url.path) } catch { throw CLIError(String(describing: error)) }
    }

    static func makeModels(_ configuration: Configuration) throws -> ModelRoles {
        try ProviderFactory(configuration: configuration).models()
    }

    static func makeEmbedder(_ configuration: Configuration) throws -> any Embedder {
        try ProviderFactory(configuration: configuration).embedder()
    }

    static func loadPrompts(_ configuration: Configuration) throws -> PromptSet {
        do { return try PromptSetLoader().load(from: configuration.promptsDirectory) } catch {
            throw CLIError(error.description)
        }
    }

    /// The names `environment(named:)` knows.
    static let environmentNames = ["qa", "shop"]

    /// The environment called `name`; `seed` makes worlds that are generated from one (the shop).
    /// `exec:COMMAND` starts an external environment process and shakes hands with it.
    func environment(named name: String, seed: UInt64 = 0) async throws -> any Environment {
        if name.hasPrefix(Self.execPrefix) { return try await processEnvironment(String(name.dropFirst(Self.execPrefix.count))) }
        return try Self.environment(named: name, seed: seed, configuration: configuration)
    }

    /// The built-in environment called `name`, with its suite from the configuration's `TASKS_DIR`.
    static func environment(named name: String, seed: UInt64, configuration: Configuration) throws -> any Environment {
        switch name {
        case "qa":
            let url = configuration.tasksDirectory.appendingPathComponent("qa.jsonl")
            do { return try QAWorld(tasksURL: url) } catch { throw CLIError(String(describing: error)) }
        case "shop":
            // The shipped suite file is the default seed's; another seed generates its own world and suite.
            guard seed == ShopWorld.defaultSeed else { return ShopWorld(seed: seed) }
            let url = configuration.tasksDirectory.appendingPathComponent("shop.jsonl")
            do { return try ShopWorld(tasksURL: url) } catch { throw CLIError(String(describing: error)) }
        default:
            throw CLIError(
                "Unknown environment \"\(name)\". Available: \(environmentNames.joined(separator: ", ")), or exec:'COMMAND' for an external environment "
                    + "(see docs/environment-protocol.md).")
        }
    }

    /// `--env exec:COMMAND`.
    static let execPrefix = "exec:"

    /// An external environment: `command` runs in the current folder; its stderr goes to the log.
    private func processEnvironment(_ command: String) async throws -> ProcessEnvironment {
        let trimmed = command.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw CLIError("--env exec: needs a command, e.g. --env exec:'python3 adapters/textworld_express.py'.")
        }
        let timeout: Duration
        do { timeout = try configuration.environmentTimeout } catch { throw CLIError(error.description) }
        let logger = Logger(label: "rbank.env")
        do {
            return try await ProcessEnvironment.connect(
                command: trimmed, workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                timeout: timeout
            ) { line in logger.info("environment stderr", metadata: ["command": "\(trimmed)", "line": "\(line)"]) }
        } catch {
            throw CLIError(String(describing: error))
        }
    }

    /// A closed loop over `environment` with the given control.
    func loop(environment: any Environment, control: any RunControl = UnattendedControl()) -> ClosedLoop {
        ClosedLoop(
            models: models, embedder: embedder, environment: environment, store: bank, prompts: prompts,
            settings: settings, control: control)
    }

    /// MaTTS over `environment`: `mode` with scaling factor `k`; pass@1 is seeded with `seed`.
    func matts(
        _ mode: ScalingMode, k: Int, environment: any Environment, seed: UInt64,
        control: any RunControl = UnattendedControl()
    ) -> MaTTS {
        var scaling = ScalingSettings(mode: mode, k: k)
        scaling.passAtOneSeed = seed
        scaling.maxItems = scalingItems
        return MaTTS(loop: loop(environment: environment, control: control), scaling: scaling)
    }
}

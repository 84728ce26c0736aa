import ArgumentParser
import Foundation

/// Options every command takes. Each maps to a configuration variable and, as a flag, wins over
/// the environment, `.env`, `reasoningbank.toml` and the defaults.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("bank"), help: "SQLite bank file (MEMORY_BANK_PATH).")
    var bankPath: String?

    @Option(name: .customLong("prompts"), help: "Prompt set folder (PROMPTS_DIR).")
    var promptsDirectory: String?

    @Option(name: .customLong("tasks"), help: "Folder of task files (TASKS_DIR).")
    var tasksDirectory: String?

    @Option(help: "Model provider: offline, anthropic, openai, google, gemini, openai-compatible (LLM_PROVIDER).")
    var provider: String?

    @Option(help: "Model id (LLM_MODEL).")
    var model: String?

    @Option(help: "Seed of the offline simulated model (OFFLINE_SEED).")
    var seed: String?

    @Option(name: .customLong("memory-mode"), help: "none, reasoningbank, synapse or awm (MEMORY_MODE).")
    var memoryMode: String?

    @Option(name: .customLong("top-k"), help: "Experiences to inject (TOP_K_RETRIEVAL).")
    var topK: String?

    @Option(name: .customLong("retrieval-key"), help: "query or item-text (RETRIEVAL_KEY).")
    var retrievalKey: String?

    @Option(name: .customLong("similarity-floor"), help: "Drop hits below this cosine similarity (SIMILARITY_FLOOR).")
    var similarityFloor: String?

    @Flag(name: .customLong("no-leakage-guard"), help: "Allow a task to retrieve its own past experience.")
    var noLeakageGuard = false

    @Option(name: .customLong("max-steps"), help: "Steps before the agent is stopped (MAX_STEPS_PER_TASK).")
    var maxSteps: String?

    /// The options given, as configuration variables.
    var flags: [String: String] {
        var flags: [String: String] = [:]
        let pairs: [(String, String?)] = [
            ("MEMORY_BANK_PATH", bankPath), ("PROMPTS_DIR", promptsDirectory), ("TASKS_DIR", tasksDirectory),
            ("LLM_PROVIDER", provider), ("LLM_MODEL", model), ("OFFLINE_SEED", seed), ("MEMORY_MODE", memoryMode),
            ("TOP_K_RETRIEVAL", topK), ("RETRIEVAL_KEY", retrievalKey), ("SIMILARITY_FLOOR", similarityFloor),
            ("MAX_STEPS_PER_TASK", maxSteps),
        ]
        for (name, value) in pairs { if let value { flags[name] = value } }
        if noLeakageGuard { flags["LEAKAGE_GUARD"] = "false" }
        return flags
    }

    /// The effective configuration for this process.
    func configuration() throws -> Configuration {
        let configuration: Configuration
        do { configuration = try Configuration.loadForCurrentProcess(flags: flags) } catch { throw CLIError(error.description) }
        for warning in configuration.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        return configuration
    }
}

import Foundation
import OfflineModels
import Logging
import ReasoningBank

extension Configuration {
    // MARK: Files

    /// `MEMORY_BANK_PATH`, resolved.
    public var memoryBankPath: URL { path("MEMORY_BANK_PATH") }
    /// `EMBEDDING_CACHE_PATH`, resolved: the seed-format embeddings file for import and export.
    public var embeddingCachePath: URL { path("EMBEDDING_CACHE_PATH") }
    /// `PROMPTS_DIR`, resolved.
    public var promptsDirectory: URL { path("PROMPTS_DIR") }
    /// `TASKS_DIR`, resolved.
    public var tasksDirectory: URL { path("TASKS_DIR") }
    /// `LOG_FILE`, resolved.
    public var logFile: URL { path("LOG_FILE") }

    // MARK: Embeddings

    /// `EMBEDDING_MODEL`; by default `all-MiniLM-L6-v2+hashing` (MiniLM blended with the hashing embedder's
    /// word match, see `HybridEmbedder`) when its files are in `MINILM_MODEL_DIR`, else `hashing`.
    public var embeddingModel: String {
        if let value = value("EMBEDDING_MODEL") { return value.raw }
        return miniLMIsPresent && !explicitNon384Dimension ? Self.defaultMiniLMEmbedder : "hashing"
    }
    /// The default embedder when all-MiniLM-L6-v2 is present: it, blended with hashing.
    static let defaultMiniLMEmbedder = MiniLMEmbedder.modelName + lexicalBlendSuffix
    /// The `EMBEDDING_MODEL` ending that blends an embedder with hashing (`openai:text-embedding-3-small+hashing`).
    static let lexicalBlendSuffix = "+hashing"
    /// `EMBEDDING_LEXICAL_WEIGHT`: the hashing cosine's share of similarity in a `+hashing` embedder.
    public var lexicalWeight: Double { get throws(ConfigurationError) { try number("EMBEDDING_LEXICAL_WEIGHT") } }
    /// `MINILM_MODEL_DIR`, resolved.
    public var miniLMFolder: URL { path("MINILM_MODEL_DIR") }
    /// Whether `MINILM_MODEL_DIR` holds the model's files.
    public var miniLMIsPresent: Bool { MiniLMEmbedder.isPresent(in: miniLMFolder) }
    /// Whether `EMBEDDING_DIMENSION` was set to something other than MiniLM's 384 (then hashing stays the default).
    var explicitNon384Dimension: Bool {
        guard let raw = value("EMBEDDING_DIMENSION")?.raw else { return false }
        return Int(raw.trimmingCharacters(in: .whitespaces)) != 384
    }
    /// `EMBEDDING_DIMENSION`, at least 1.
    public var embeddingDimension: Int { get throws(ConfigurationError) { try integer("EMBEDDING_DIMENSION") } }

    // MARK: Loop

    /// `AGENT_TEMPERATURE`, from 0 to 2.
    public var agentTemperature: Double { get throws(ConfigurationError) { try number("AGENT_TEMPERATURE") } }
    /// `JUDGE_TEMPERATURE`, from 0 to 2.
    public var judgeTemperature: Double { get throws(ConfigurationError) { try number("JUDGE_TEMPERATURE") } }
    /// `EXTRACTOR_TEMPERATURE`, from 0 to 2.
    public var extractorTemperature: Double { get throws(ConfigurationError) { try number("EXTRACTOR_TEMPERATURE") } }
    /// `MAX_STEPS_PER_TASK`, at least 1.
    public var maxStepsPerTask: Int { get throws(ConfigurationError) { try integer("MAX_STEPS_PER_TASK") } }
    /// `MAX_MEMORY_ITEMS_PER_TRAJECTORY`, at least 1.
    public var maxMemoryItemsPerTrajectory: Int {
        get throws(ConfigurationError) { try integer("MAX_MEMORY_ITEMS_PER_TRAJECTORY") }
    }
    /// `MAX_MEMORY_ITEMS_AGGREGATED` (MaTTS self-contrast), at least 1.
    public var maxMemoryItemsAggregated: Int {
        get throws(ConfigurationError) { try integer("MAX_MEMORY_ITEMS_AGGREGATED") }
    }
    /// `MEMORY_MODE`.
    public var memoryMode: MemoryMode {
        get throws(ConfigurationError) { try choice("MEMORY_MODE", MemoryMode.init(rawValue:)) }
    }
    /// `EXTRACT_FROM_FAILURES`.
    public var extractFromFailures: Bool { get throws(ConfigurationError) { try boolean("EXTRACT_FROM_FAILURES") } }

    // MARK: Retrieval

    /// `TOP_K_RETRIEVAL`, at least 1.
    public var topKRetrieval: Int { get throws(ConfigurationError) { try integer("TOP_K_RETRIEVAL") } }
    /// `RETRIEVAL_KEY`.
    public var retrievalKey: RetrievalSettings.Key {
        get throws(ConfigurationError) { try choice("RETRIEVAL_KEY", RetrievalSettings.Key.init(rawValue:)) }
    }
    /// `SIMILARITY_FLOOR`, from -1 to 1; `nil` when unset or `none`.
    public var similarityFloor: Double? { get throws(ConfigurationError) { try optionalNumber("SIMILARITY_FLOOR") } }
    /// `LEAKAGE_GUARD`.
    public var leakageGuard: Bool { get throws(ConfigurationError) { try boolean("LEAKAGE_GUARD") } }

    // MARK: Offline model and logging

    /// `OFFLINE_SEED`.
    public var offlineSeed: UInt64 { get throws(ConfigurationError) { try seed("OFFLINE_SEED") } }
    /// `ENV_TIMEOUT`.
    public var environmentTimeout: Duration {
        get throws(ConfigurationError) { .milliseconds(Int((try number("ENV_TIMEOUT") * 1000).rounded())) }
    }
    /// `OFFLINE_LATENCY_MS`.
    public var offlineLatency: Duration {
        get throws(ConfigurationError) { .milliseconds(try integer("OFFLINE_LATENCY_MS")) }
    }
    /// `ENABLE_LOGGING`.
    public var loggingEnabled: Bool { get throws(ConfigurationError) { try boolean("ENABLE_LOGGING") } }
    /// `LOG_LEVEL`, case-insensitive.
    public var logLevel: Logger.Level {
        get throws(ConfigurationError) { try choice("LOG_LEVEL", Logger.Level.init(rawValue:)) }
    }
    /// `OPENAI_BASE_URL`, when set.
    public var openAIBaseURL: URL? { get throws(ConfigurationError) { try url("OPENAI_BASE_URL") } }
    /// `ANTHROPIC_BASE_URL`, when set.
    public var anthropicBaseURL: URL? { get throws(ConfigurationError) { try url("ANTHROPIC_BASE_URL") } }
    /// `GEMINI_BASE_URL`, when set.
    public var geminiBaseURL: URL? { get throws(ConfigurationError) { try url("GEMINI_BASE_URL") } }
    /// `OLLAMA_BASE_URL`, when set.
    public var ollamaBaseURL: URL? { get throws(ConfigurationError) { try url("OLLAMA_BASE_URL") } }
    /// `LLM_MAX_RETRIES`, at least 0.
    public var maxRetries: Int { get throws(ConfigurationError) { try integer("LLM_MAX_RETRIES") } }
    /// `LLM_TIMEOUT` in seconds.
    public var requestTimeout: Double { get throws(ConfigurationError) { try number("LLM_TIMEOUT") } }
    /// `LLM_STALL_TIMEOUT` in seconds.
    public var stallTimeout: Int { get throws(ConfigurationError) { try integer("LLM_STALL_TIMEOUT") } }
    /// `THEME`.
    public var themeName: String { value("THEME")?.raw ?? "dark" }
    /// `THEMES_DIR`.
    public var themesDirectory: URL { path("THEMES_DIR") }
    /// `PRICES_FILE`.
    public var pricesFile: URL { path("PRICES_FILE") }
    /// `REPL_HISTORY_FILE`, resolved; by default `repl_history` in the user data directory.
    public var replHistoryFile: URL {
        value("REPL_HISTORY_FILE") == nil ? userDataDirectory.appending(path: "repl_history") : path("REPL_HISTORY_FILE")
    }
    /// `REPL_HISTORY_SIZE`, at least 0.
    public var replHistorySize: Int { get throws(ConfigurationError) { try integer("REPL_HISTORY_SIZE") } }

    // MARK: Engine settings

    /// The engine's loop settings built from these values.
    public func loopSettings() throws(ConfigurationError) -> LoopSettings {
        var settings = LoopSettings()
        settings.agentTemperature = try agentTemperature
        settings.judgeTemperature = try judgeTemperature
        settings.extractorTemperature = try extractorTemperature
        settings.maxSteps = try maxStepsPerTask
        settings.maxItemsPerTrajectory = try maxMemoryItemsPerTrajectory
        settings.memoryMode = try memoryMode
        settings.extractFromFailures = try extractFromFailures
        settings.retrieval.topK = try topKRetrieval
        settings.retrieval.key = try retrievalKey
        settings.retrieval.similarityFloor = try similarityFloor
        settings.retrieval.leakageGuard = try leakageGuard
        return settings
    }

    /// Reads every typed value and the provider, and throws the first problem.
    public func validate() throws(ConfigurationError) {
        if let first = problems.first { throw first }
    }

    /// Every problem with the values, in table order (empty when all is well).
    public var problems: [ConfigurationError] {
        var found: [ConfigurationError] = []
        for variable in ConfigurationVariable.all {
            if let problem = problem(variable.name) { found.append(problem) }
        }
        do { _ = try providerSettings() } catch { if !found.contains(error) { found.append(error) } }
        return found
    }

    /// The problem with one variable's value, judged on its own (provider requirements aside).
    func problem(_ name: String) -> ConfigurationError? {
        do {
            switch definition(name).kind {
            case .text, .secret, .path: return nil
            case .url: _ = try url(name)
            case .choice:
                if name == "LLM_PROVIDER" { _ = try explicitProvider() } else { _ = try choiceWord(name) }
            case .integer: _ = try integer(name)
            case .seed: _ = try seed(name)
            case .number: _ = try number(name)
            case .optionalNumber: _ = try optionalNumber(name)
            case .boolean: _ = try boolean(name)
            }
            return nil
        } catch {
            return error
        }
    }

    // MARK: Parsing helpers

    func path(_ name: String) -> URL {
        resolvePath(value(name)?.raw ?? definition(name).defaultValue ?? ".")
    }

    func required(_ name: String) throws(ConfigurationError) -> ConfiguredValue {
        guard let value = value(name) else { preconditionFailure("\(name) has no default") }
        return value
    }

    /// The error for a value that is not accepted; secrets are never echoed, other values are redacted.
    func invalid(_ value: ConfiguredValue) -> ConfigurationError {
        let variable = definition(value.name)
        return .invalidValue(
            variable: value.name, value: variable.isSecret ? nil : redactor.redact(value.raw), source: value.source,
            expected: variable.allowedValues)
    }

    func integer(_ name: String) throws(ConfigurationError) -> Int {
        let value = try required(name)
        guard case .integer(let minimum) = definition(name).kind,
            let number = Int(value.raw.trimmingCharacters(in: .whitespaces)), number >= minimum
        else { throw invalid(value) }
        return number
    }

    func seed(_ name: String) throws(ConfigurationError) -> UInt64 {
        let value = try required(name)
        guard let seed = UInt64(value.raw.trimmingCharacters(in: .whitespaces)) else { throw invalid(value) }
        return seed
    }

    func url(_ name: String) throws(ConfigurationError) -> URL? {
        guard let value = value(name) else { return nil }
        let text = value.raw.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host() != nil
        else { throw invalid(value) }
        return url
    }

    func number(_ name: String) throws(ConfigurationError) -> Double {
        let value = try required(name)
        guard case .number(let range) = definition(name).kind,
            let number = Double(value.raw.trimmingCharacters(in: .whitespaces)), number.isFinite, range.contains(number)
        else { throw invalid(value) }
        return number
    }

    func optionalNumber(_ name: String) throws(ConfigurationError) -> Double? {
        guard let value = value(name) else { return nil }
        let text = value.raw.trimmingCharacters(in: .whitespaces)
        if ["none", "off", "unset"].contains(text.lowercased()) { return nil }
        guard case .optionalNumber(let range) = definition(name).kind,
            let number = Double(text), number.isFinite, range.contains(number)
        else { throw invalid(value) }
        return number
    }

    func boolean(_ name: String) throws(ConfigurationError) -> Bool {
        let value = try required(name)
        switch value.raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw invalid(value)
        }
    }

    /// The lower-cased word of a choice variable, checked against its allowed words; `nil` when unset.
    func choiceWord(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = value(name) else { return nil }
        let word = value.raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard case .choice(let words) = definition(name).kind, words.contains(word) else { throw invalid(value) }
        return word
    }

    func choice<T>(_ name: String, _ make: (String) -> T?) throws(ConfigurationError) -> T {
        let value = try required(name)
        guard let word = try choiceWord(name), let result = make(word) else { throw invalid(value) }
        return result
    }
}

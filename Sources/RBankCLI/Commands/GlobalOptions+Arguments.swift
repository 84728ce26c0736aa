/// The options given, written back as command-line arguments, so the REPL can hand the options it was
/// started with to every command that takes them.
extension GlobalOptions {
    /// Each option given, as its words: `["--bank", "b.sqlite"]`, `["--no-leakage-guard"]`.
    var arguments: [[String]] {
        let pairs: [(String, String?)] = [
            ("--bank", bankPath), ("--prompts", promptsDirectory), ("--tasks", tasksDirectory), ("--provider", provider),
            ("--model", model), ("--seed", seed), ("--memory-mode", memoryMode), ("--top-k", topK),
            ("--retrieval-key", retrievalKey), ("--similarity-floor", similarityFloor), ("--max-steps", maxSteps),
        ]
        var given = pairs.compactMap { name, value in value.map { [name, $0] } }
        if noLeakageGuard { given.append(["--no-leakage-guard"]) }
        return given
    }
}

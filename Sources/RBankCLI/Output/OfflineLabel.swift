/// The words that label the offline model as a simulation wherever it appears.
enum OfflineLabel {
    static let short = "offline simulated model: a scripted policy, not an LLM"
    /// The workbench's one-line notice at start.
    static let workbenchNotice =
        "Offline simulation: the model is a scripted policy, not an LLM. For a real one, quit and set LLM_PROVIDER and its key (see README)."
    static let banner = "Model: offline simulation (a deterministic scripted policy, not an LLM). Set LLM_PROVIDER and a key to use a real model."
}

/// The words that label the offline model as a simulation wherever it appears.
enum OfflineLabel {
    static let short = "offline simulated model: a scripted policy, not an LLM"
    /// The workbench's one-line notice at start.
    static let workbenchNotice =
        "Offline simulation, not an LLM · for a real model set LLM_PROVIDER and its key"
    static let banner = "Model: offline simulation (a deterministic scripted policy, not an LLM). Set LLM_PROVIDER and a key to use a real model."
}

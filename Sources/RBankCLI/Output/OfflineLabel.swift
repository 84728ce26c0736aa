/// The words that label the offline model as a simulation wherever it appears.
enum OfflineLabel {
    static let short = "offline simulated model: a scripted policy, not an LLM"
    static let banner = "Model: offline simulation (a deterministic scripted policy, not an LLM). Set LLM_PROVIDER and a key to use a real model."
}

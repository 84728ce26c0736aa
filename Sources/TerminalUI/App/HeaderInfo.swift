import ReasoningBank

/// What the top bar shows: provider, model, bank, environment, and the session's tokens and cost.
public struct HeaderInfo: Sendable, Hashable {
    public var model: ModelDescriptor
    public var embedder: String
    /// The bank file, as a short path.
    public var bank: String
    public var environment: String
    /// Usage of every run this session.
    public var usage: Usage
    /// The cost as the CLI formats it (e.g. `$0.0123`, `$0 (offline simulation)`).
    public var costText: String
    public var themeName: String

    public init(
        model: ModelDescriptor, embedder: String, bank: String, environment: String, usage: Usage = Usage(),
        costText: String = "", themeName: String = "dark"
    ) {
        self.model = model
        self.embedder = embedder
        self.bank = bank
        self.environment = environment
        self.usage = usage
        self.costText = costText
        self.themeName = themeName
    }
}

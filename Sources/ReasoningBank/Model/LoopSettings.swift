import Foundation

/// Every knob of the closed loop. Defaults follow the paper and the official code (reference §1.9).
public struct LoopSettings: Sendable, Hashable, Codable {
    public var agentTemperature: Double = 0.7
    public var judgeTemperature: Double = 0.0
    public var extractorTemperature: Double = 1.0
    public var maxSteps: Int = 30
    /// At most this many items are kept from one trajectory (paper: 3).
    public var maxItemsPerTrajectory: Int = 3
    public var agentMaxTokens: Int = 1024
    public var judgeMaxTokens: Int = 512
    public var extractorMaxTokens: Int = 2048
    public var memoryMode: MemoryMode = .reasoningbank
    /// Whether failed trajectories are distilled too (the paper's method says yes).
    public var extractFromFailures: Bool = true
    public var retrieval = RetrievalSettings()

    public init() {}
}

/// How memories are retrieved (reference §1.5).
public struct RetrievalSettings: Sendable, Hashable, Codable {
    /// What a past experience is keyed by.
    public enum Key: String, Sendable, Hashable, Codable, CaseIterable {
        /// The past task's query embedding (official code).
        case query
        /// Each item's title, description and content (the seed implementation).
        case itemText = "item-text"
    }

    /// How many experiences (or items, when keyed by item text) to inject. Paper: 1.
    public var topK: Int = 1
    public var key: Key = .query
    /// Hits below this cosine similarity are dropped; nil keeps everything.
    public var similarityFloor: Double? = nil
    /// Never retrieve an experience of the same task (on by default; official issue #17).
    public var leakageGuard: Bool = true

    public init() {}
}

/// Which model answered: provider, model id, and whether it is the offline simulation.
public struct ModelDescriptor: Sendable, Hashable, Codable {
    public var provider: String
    public var model: String
    /// True for the built-in offline model, which is a scripted simulation, not an LLM.
    public var isSimulation: Bool

    public init(provider: String, model: String, isSimulation: Bool) {
        self.provider = provider
        self.model = model
        self.isSimulation = isSimulation
    }

    /// `provider/model`, marked `(simulation)` for the offline model.
    public var displayName: String {
        isSimulation ? "\(provider)/\(model) (simulation)" : "\(provider)/\(model)"
    }
}

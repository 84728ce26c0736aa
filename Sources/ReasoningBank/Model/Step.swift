import Foundation

/// One ReAct step: what the agent thought, what it did, what it saw, and the model call behind it.
public struct Step: Sendable, Hashable, Codable {
    /// 1-based position in the trajectory.
    public var index: Int
    public var thought: String
    /// The action text as the model wrote it, e.g. `answer('42')`.
    public var action: String
    public var observation: String
    /// Set when the model's output could not be parsed into a thought and an action.
    public var parseFailure: String?
    /// The exact prompt, the raw response, tokens and latency.
    public var call: ModelCall

    public init(
        index: Int, thought: String, action: String, observation: String, parseFailure: String? = nil,
        call: ModelCall
    ) {
        self.index = index
        self.thought = thought
        self.action = action
        self.observation = observation
        self.parseFailure = parseFailure
        self.call = call
    }
}

/// A model call as it happened: the request sent, the raw text back, tokens and latency.
public struct ModelCall: Sendable, Hashable, Codable {
    public var request: ModelRequest
    public var response: String
    public var usage: Usage
    public var latencyMilliseconds: Double
    public var model: String

    public init(request: ModelRequest, response: String, usage: Usage, latencyMilliseconds: Double, model: String) {
        self.request = request
        self.response = response
        self.usage = usage
        self.latencyMilliseconds = latencyMilliseconds
        self.model = model
    }
}

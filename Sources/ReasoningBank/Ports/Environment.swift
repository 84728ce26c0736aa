import Foundation

/// What the agent sees after an action.
public struct Observation: Sendable, Hashable, Codable {
    public var text: String
    public var url: String?
    public var title: String?
    /// When the environment enumerates them, the actions that are valid now.
    public var validActions: [String]?

    public init(text: String, url: String? = nil, title: String? = nil, validActions: [String]? = nil) {
        self.text = text
        self.url = url
        self.title = title
        self.validActions = validActions
    }
}

/// The result of one action.
public struct StepOutcome: Sendable, Hashable, Codable {
    public var observation: Observation
    /// True when the episode is over (e.g. the agent answered the user).
    public var isDone: Bool
    /// The message the agent sent to the user, if this action sent one.
    public var answer: String?

    public init(observation: Observation, isDone: Bool, answer: String? = nil) {
        self.observation = observation
        self.isDone = isDone
        self.answer = answer
    }
}

/// A world the agent acts in: it lists tasks and opens one session per trajectory.
public protocol Environment: Sendable {
    var name: String { get }
    /// How to act here: the action syntax and the actions available, for the agent's prompt.
    var actionGuide: String { get }
    func tasks() async throws -> [TaskSpec]
    /// A fresh, independent instance of the world set up for `task`.
    func makeSession(for task: TaskSpec) async throws -> any EnvironmentSession
}

/// One episode of one task. Invalid actions are error observations, never thrown errors;
/// throwing means the environment itself broke.
public protocol EnvironmentSession: Sendable {
    func reset() async throws -> Observation
    func step(_ action: String) async throws -> StepOutcome
    /// The final state as the judge should see it.
    func finalState() async -> String
    /// The environment's own evaluation, nil when it has none.
    func evaluate() async throws -> GroundTruth?
    func close() async
}

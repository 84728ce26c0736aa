import Foundation

/// A task for the agent: what the user asks, in which environment. Ground truth stays in the environment.
///
/// (Named `TaskSpec` so it never shadows Swift's `Task`.)
public struct TaskSpec: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// The user's intent, shown to the agent verbatim.
    public var query: String
    /// The environment's name, e.g. `qa`.
    public var environment: String
    /// The template or family the task was made from, when known.
    public var family: String?

    public init(id: String, query: String, environment: String, family: String? = nil) {
        self.id = id
        self.query = query
        self.environment = environment
        self.family = family
    }
}

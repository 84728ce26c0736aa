import Foundation

/// A question worked out with one procedure: the answer and the working shown in a thought.
public struct QASolution: Sendable, Hashable {
    /// The final value, as it goes into `answer('…')`.
    public var answer: String
    /// One line of working, e.g. "Spelling the word out: …".
    public var working: String

    public init(answer: String, working: String) {
        self.answer = answer
        self.working = working
    }
}

import Foundation

/// Which procedure a simulated agent (or judge) uses on a QA question.
public enum QAProcedure: String, Sendable, Hashable, CaseIterable {
    /// The plausible but sometimes wrong procedure of a weak model.
    case naive
    /// The reliable procedure that a learned strategy teaches.
    case correct
}

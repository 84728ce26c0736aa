import Foundation

/// What to do when an imported experience's id is already in the bank.
public enum DuplicatePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Refuse the whole file and write nothing (the default).
    case refuse
    /// Import the other experiences and list the skipped ids in the report.
    case skip
}

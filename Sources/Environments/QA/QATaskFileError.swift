import Foundation

/// Why a QA task file was refused. Every case names the file; line errors name the line (1-based).
public enum QATaskFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// A line is not a valid task.
    case malformedLine(file: String, line: Int, problem: String)
    /// Two lines use the same id.
    case duplicateID(file: String, line: Int, id: String, firstLine: Int)
    /// The file holds no task.
    case empty(file: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "Cannot read the QA task file \(file): \(reason)"
        case .malformedLine(let file, let line, let problem):
            "\(file):\(line): \(problem)"
        case .duplicateID(let file, let line, let id, let firstLine):
            "\(file):\(line): duplicate id \"\(id)\" (first used on line \(firstLine))"
        case .empty(let file):
            "The QA task file \(file) holds no task."
        }
    }
}

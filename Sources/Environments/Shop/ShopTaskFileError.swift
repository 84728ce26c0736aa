import Foundation

/// Why a shop suite file was refused. Every case names the file; line errors name the line (1-based).
public enum ShopTaskFileError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case malformedLine(file: String, line: Int, problem: String)
    case duplicateID(file: String, line: Int, id: String, firstLine: Int)
    /// The lines name different catalogue seeds.
    case mixedSeeds(file: String, line: Int, seed: UInt64, firstSeed: UInt64)
    case empty(file: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "Cannot read the shop task file \(file): \(reason)"
        case .malformedLine(let file, let line, let problem): "\(file):\(line): \(problem)"
        case .duplicateID(let file, let line, let id, let firstLine):
            "\(file):\(line): duplicate id \"\(id)\" (first used on line \(firstLine))"
        case .mixedSeeds(let file, let line, let seed, let firstSeed):
            "\(file):\(line): seed \(seed) differs from the file's seed \(firstSeed); one file describes one catalogue"
        case .empty(let file): "The shop task file \(file) holds no task."
        }
    }
}

import Foundation

/// A model file that is missing, unreadable or not what the embedder expects. Each message names the
/// file and says what to do; nothing about bad model files ever crashes.
public enum ModelFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model folder or one of its files does not exist.
    case missing(file: String)
    /// The file exists but cannot be read or mapped.
    case unreadable(file: String, detail: String)
    /// The file is readable but malformed (bad header, offsets past the end, not UTF-8, …).
    case corrupt(file: String, detail: String)
    /// A tensor the model needs is absent, or has another shape or type.
    case tensor(file: String, name: String, detail: String)

    /// What to do about any of them.
    static let remedy = "Run `make model` to fetch all-MiniLM-L6-v2 (delete the folder first to fetch it again), "
        + "or set EMBEDDING_MODEL=hashing to use the built-in hashing embedder."

    public var description: String {
        switch self {
        case .missing(let file):
            return "The all-MiniLM-L6-v2 model file \(file) does not exist. \(Self.remedy)"
        case .unreadable(let file, let detail):
            return "The all-MiniLM-L6-v2 model file \(file) cannot be read: \(detail). \(Self.remedy)"
        case .corrupt(let file, let detail):
            return "The all-MiniLM-L6-v2 model file \(file) is damaged: \(detail). \(Self.remedy)"
        case .tensor(let file, let name, let detail):
            return "The all-MiniLM-L6-v2 model file \(file) does not fit the model: tensor \(name) \(detail). \(Self.remedy)"
        }
    }
}

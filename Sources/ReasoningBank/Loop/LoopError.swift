import Foundation

/// Infrastructure failures. Any of these ends a run as `error`, never as a judged failure.
public enum LoopError: Error, Sendable, CustomStringConvertible {
    case model(String)
    case environment(String)
    case embedder(String)
    case store(String)

    public var description: String {
        switch self {
        case .model(let message): "The model failed: \(message)"
        case .environment(let message): "The environment failed: \(message)"
        case .embedder(let message): "The embedder failed: \(message)"
        case .store(let message): "The memory bank failed: \(message)"
        }
    }

    /// Wraps any error thrown by a port as an infrastructure failure of that port.
    static func wrap(_ error: any Error, as make: (String) -> LoopError) -> any Error {
        if error is CancellationError || error is LoopError { return error }
        return make(String(describing: error))
    }
}

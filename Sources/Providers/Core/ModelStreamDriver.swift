import Foundation
import ReasoningBank

/// Runs a streaming call in its own task and exposes it as the engine's event stream. When the
/// consumer stops iterating (or its task is cancelled), the task is cancelled, which ends iteration
/// of the HTTP body and so aborts the transfer: the connection is closed.
enum ModelStreamDriver {
    typealias Continuation = AsyncThrowingStream<ModelStreamEvent, any Error>.Continuation

    static func run(
        _ body: @escaping @Sendable (Continuation) async throws -> Void
    ) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await body(continuation)
                    try Task.checkCancellation()
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// JSON coding shared by the provider clients.
enum WireJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Decodes a response body, or throws the provider's "unreadable response" error.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, context: ProviderContext) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            let preview = String(decoding: data.prefix(120), as: UTF8.self)
            throw context.malformed("the body is not a valid \(String(describing: type)) (\(describe(error))): \"\(preview)\"")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): "not JSON: " + context.debugDescription
        case DecodingError.keyNotFound(let key, _): "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: String(describing: error)
        }
    }
}

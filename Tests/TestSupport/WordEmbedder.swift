import Foundation
import ReasoningBank

/// A deterministic bag-of-words embedder for engine tests (stable across processes).
public struct WordEmbedder: Embedder {
    public let name: String
    public let dimension: Int

    public init(dimension: Int = 64, name: String? = nil) {
        self.dimension = dimension
        self.name = name ?? "test-words-\(dimension)"
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { text in
            var vector = [Float](repeating: 0, count: dimension)
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                vector[Int(StableHash.fnv1a64(String(word)) % UInt64(dimension))] += 1
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
    }
}

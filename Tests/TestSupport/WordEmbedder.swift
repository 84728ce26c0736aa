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
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                vector[Int(hash % UInt64(dimension))] += 1
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
    }
}

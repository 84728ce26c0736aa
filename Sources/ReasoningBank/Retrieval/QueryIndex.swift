import Foundation

/// The live experiences' query embeddings under one embedder, for retrieval keyed by query: one
/// contiguous matrix and each row's key in the store (the bank's row id; ascending keys are bank order).
///
/// A store builds it once and keeps it up to date; retrieval then needs only the query's embedding, one
/// ranked pass over the matrix and the few experiences it returns. Nothing else is loaded or decoded.
public struct QueryIndex: Sendable {
    /// The embedder whose vectors the rows are (`Embedder.name`).
    public let model: String
    public private(set) var keys: [Int64] = []
    public private(set) var matrix: EmbeddingMatrix

    /// An empty index for `model` vectors of `dimension` numbers.
    public init(model: String, dimension: Int) {
        self.model = model
        matrix = EmbeddingMatrix(dimension: dimension)
    }

    public var count: Int { keys.count }
    public var dimension: Int { matrix.dimension }

    /// Appends one experience's vector (ascending keys keep bank order).
    public mutating func append(key: Int64, vector: [Float]) {
        keys.append(key)
        matrix.append(vector)
    }

    /// Appends one experience's vector as little-endian Float32 bytes (nil: none yet, a zero row) without
    /// preparing it; `finishAppending()` must follow before ranking (it prepares them all, over all cores).
    public mutating func appendUnprepared(key: Int64, littleEndianFloats bytes: UnsafeRawBufferPointer?) {
        keys.append(key)
        matrix.appendUnprepared(littleEndianFloats: bytes)
    }

    /// Prepares the rows appended by `appendUnprepared`.
    public mutating func finishAppending() { matrix.finishAppending() }

    /// Replaces the vector at row `row` (e.g. with a fresh embedding of a stale one).
    public mutating func replace(row: Int, with vector: [Float]) { matrix.replaceRow(row, with: vector) }

    /// Makes room for `rows` rows in all.
    public mutating func reserveCapacity(_ rows: Int) {
        keys.reserveCapacity(rows)
        matrix.reserveCapacity(rows)
    }

    /// The `limit` keys most similar to `query`, best first, with exact cosine similarities; equal scores
    /// keep bank order.
    public func ranked(_ query: [Float], limit: Int) -> [(key: Int64, score: Double)] {
        matrix.ranked(query, limit: limit).map { (keys[$0.row], Double($0.score)) }
    }
}

import Foundation

/// The live experiences' query embeddings under one embedder, for retrieval keyed by query: one
/// contiguous matrix and each row's key in the store (the bank's row id; ascending keys are bank order).
///
/// A store builds it once and keeps it up to date; retrieval then needs only the query's embedding, one
/// ranked pass over the matrix and the few experiences it returns. Nothing else is loaded or decoded.
///
/// A store that keeps the exact vectors itself builds the index without them (`holdsExactRows: false`),
/// from the 8-bit codes it stores (`appendCoded`): only the codes are in memory, and ranking asks the
/// store for the shortlisted rows' vectors.
public struct QueryIndex: Sendable {
    /// The embedder whose vectors the rows are (`Embedder.name`).
    public let model: String
    public private(set) var keys: [Int64] = []
    public private(set) var matrix: EmbeddingMatrix
    /// Exact vectors the store does not have (rows embedded again by `replace(row:with:)`), by row; kept
    /// only when the matrix holds no exact rows.
    public private(set) var heldVectors: [Int: [Float]] = [:]

    /// An empty index for `model` vectors of `dimension` numbers; without exact rows it keeps only the
    /// 8-bit codes, and ranking takes the exact vectors from the store.
    public init(model: String, dimension: Int, holdsExactRows: Bool = true) {
        self.model = model
        matrix = EmbeddingMatrix(dimension: dimension, holdsExactRows: holdsExactRows)
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

    /// Appends one experience's row from its stored 8-bit form (see `EmbeddingMatrix.appendCoded`); false,
    /// appending nothing, when the form is not a valid one.
    public mutating func appendCoded(key: Int64, codes: UnsafeRawBufferPointer, scale: Float, absoluteSum: Float) -> Bool {
        guard matrix.appendCoded(codes: codes, scale: scale, absoluteSum: absoluteSum) else { return false }
        keys.append(key)
        return true
    }

    /// Replaces the vector at row `row` with one the store does not have (e.g. a fresh embedding of a
    /// stale one); an index without exact rows holds it in `heldVectors`.
    public mutating func replace(row: Int, with vector: [Float]) {
        guard row >= 0, row < count else { return }
        matrix.replaceRow(row, with: vector)
        if !matrix.holdsExactRows { heldVectors[row] = vector }
    }

    /// Codes row `row` from the vector the store has for it (for a row whose stored codes were missing).
    public mutating func recode(row: Int, fromStored vector: [Float]) {
        guard row >= 0, row < count else { return }
        matrix.replaceRow(row, with: vector)
    }

    /// Makes room for `rows` rows in all.
    public mutating func reserveCapacity(_ rows: Int) {
        keys.reserveCapacity(rows)
        matrix.reserveCapacity(rows)
    }

    /// The `limit` keys most similar to `query`, best first, with exact cosine similarities; equal scores
    /// keep bank order. For an index that holds its exact rows.
    public func ranked(_ query: [Float], limit: Int) -> [(key: Int64, score: Double)] {
        matrix.ranked(query, limit: limit).map { (keys[$0.row], Double($0.score)) }
    }

    /// The same ranking for any index: when the matrix keeps only codes, the shortlisted rows' exact
    /// vectors come from `heldVectors` or from `vectors` (given keys, the stored vectors by key; a key it
    /// does not return is left out of the ranking, as gone from the store).
    public func ranked(
        _ query: [Float], limit: Int, vectors: ([Int64]) async throws -> [Int64: [Float]]
    ) async throws -> [(key: Int64, score: Double)] {
        let shortlist = matrix.shortlist(query, limit: limit)
        var exactRows: [Int: [Float]] = [:]
        if !matrix.holdsExactRows && !shortlist.rows.isEmpty {
            let wanted = shortlist.rows.filter { heldVectors[$0] == nil }
            let fetched = wanted.isEmpty ? [:] : try await vectors(wanted.map { keys[$0] })
            for row in shortlist.rows { exactRows[row] = heldVectors[row] ?? fetched[keys[row]] }
        }
        return matrix.ranked(shortlist, exactRows: exactRows).map { (keys[$0.row], Double($0.score)) }
    }
}

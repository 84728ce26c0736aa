import Foundation
import GRDB

/// The embedding cache (text → vector per model) and experiences' query embeddings.
extension Bank {
    /// The cached vector of `text` under `model` (the seed's `embeddings.json` is such a cache), if any.
    public func cachedEmbedding(text: String, model: String) throws -> [Float]? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT dtype, vector FROM embedding_cache WHERE model = ? AND text = ? ORDER BY key = '' DESC, pk DESC LIMIT 1",
                    arguments: [model, text])
            else { return nil }
            let dtype: String = row["dtype"]
            let blob: Data = row["vector"]
            return EmbeddingVector.Precision(rawValue: dtype).flatMap { EmbeddingVector(blob: blob, precision: $0) }?.floats
        }
    }

    /// Stores (or replaces) the vector of `text` under `model`, so it is not computed again and is
    /// exported with that model's embeddings file.
    public func cacheEmbedding(_ vector: [Float], text: String, model: String) throws {
        let embedding = EmbeddingVector(floats: vector)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO embedding_cache (model, text, key, dtype, dimensions, vector, created_at)
                    VALUES (?, ?, '', ?, ?, ?, ?)
                    ON CONFLICT(model, text, key) DO UPDATE SET
                        dtype = excluded.dtype, dimensions = excluded.dimensions, vector = excluded.vector
                    """,
                arguments: [model, text, embedding.precision.rawValue, vector.count, embedding.blob, Bank.now()])
        }
    }

    /// Sets the query embedding of a live experience (id or unique prefix), e.g. after re-embedding an
    /// imported bank with another model. The previous vector is replaced: embeddings are derived data.
    public func setQueryEmbedding(experienceID: String, vector: [Float], model: String) throws {
        try write { db in
            guard
                let id = try Bank.resolveID(
                    db, experienceID, table: "experience", kind: "experience", conventionalPrefix: "x",
                    condition: "retracted_at IS NULL")
            else { throw BankError.experienceNotFound(experienceID) }
            try db.execute(
                sql: "UPDATE experience SET query_embedding = ?, embedding_model = ? WHERE id = ? AND retracted_at IS NULL",
                arguments: [EmbeddingVector.encodeFloats(vector), model, id])
        }
    }
}

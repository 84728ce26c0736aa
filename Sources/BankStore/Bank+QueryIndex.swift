import Foundation
import GRDB
import ReasoningBank

/// Retrieval's view of the bank: the live experiences' query embeddings as one matrix, read from the
/// narrow `query_vector` table, kept in memory until the bank changes; experiences fetched by key.
extension Bank {
    /// The query index for `embedder`, from the cache when the bank has not changed since it was built.
    ///
    /// Building it reads only `query_vector` (row ids, model names and embeddings), in one pass. Embeddings
    /// that are missing or from another embedder are computed from their experiences' queries with
    /// `embedder` and kept in the index (the stored ones are left as they are).
    public func queryIndex(for embedder: any Embedder) async throws -> QueryIndex {
        let generation = try await asyncRead { db in try Bank.retrievalGeneration(db) }
        if let cached = queryIndexCache.withLock({ $0 }), cached.fits(embedder, generation: generation) {
            return cached.index
        }
        let model = embedder.name
        let dimension = embedder.dimension
        let (loaded, stale, loadedGeneration) = try await asyncRead { db in
            let (index, stale) = try Bank.loadQueryIndex(db, model: model, dimension: dimension)
            return (index, stale, try Bank.retrievalGeneration(db))
        }
        var index = loaded
        if !stale.isEmpty {
            let keys = stale.map { index.keys[$0] }
            let queries = try await asyncRead { db in
                try Dictionary(
                    Row.fetchAll(
                        db, sql: "SELECT pk, query FROM experience WHERE pk IN (SELECT value FROM json_each(?))",
                        arguments: [try JSONText.string(keys)]
                    ).map { (row: Row) -> (Int64, String) in (row["pk"], row["query"]) },
                    uniquingKeysWith: { first, _ in first })
            }
            let vectors = try await embedder.embed(keys.map { queries[$0] ?? "" })
            for (offset, row) in stale.enumerated() where offset < vectors.count {
                index.replace(row: row, with: vectors[offset])
            }
        }
        let built = QueryIndexCache(model: model, dimension: dimension, generation: loadedGeneration, index: index)
        queryIndexCache.withLock { $0 = built }
        return index
    }

    /// The stored query embeddings of these keys (row ids) made by `model`, from `query_vector`.
    public func queryVectors(keys: [Int64], model: String) async throws -> [Int64: [Float]] {
        guard !keys.isEmpty else { return [:] }
        return try await asyncRead { db in try Bank.fetchQueryVectors(db, keys: keys, model: model) }
    }

    static func fetchQueryVectors(_ db: Database, keys: [Int64], model: String) throws -> [Int64: [Float]] {
        var found: [Int64: [Float]] = [:]
        let cursor = try Row.fetchCursor(
            db,
            sql: "SELECT experience_pk, vector FROM query_vector WHERE experience_pk IN (SELECT value FROM json_each(?)) AND model = ?",
            arguments: [try JSONText.string(keys), model])
        while let row = try cursor.next() {
            let key: Int64 = row[0]
            found[key] = try row.withUnsafeData(atIndex: 1) { bytes in bytes.map(EmbeddingVector.decodeFloats) }
        }
        return found
    }

    /// The live experiences with these keys (row ids), with their items.
    public func experiences(keys: [Int64]) async throws -> [Int64: Experience] {
        guard !keys.isEmpty else { return [:] }
        let list = try JSONText.string(keys)
        let found = try await asyncRead { db in
            try Bank.fetchKeyedExperiences(
                db, where: "e.pk IN (SELECT value FROM json_each(?)) AND e.retracted_at IS NULL", arguments: [list])
        }
        return Dictionary(found.map { ($0.pk, $0.experience) }, uniquingKeysWith: { first, _ in first })
    }

    /// Live experiences of the same task (same task id, or the same query where either lacks a task id)
    /// that have an active item, in bank order. Both lookups use an index.
    public func sameTaskExperienceIDs(taskID: String?, query: String) async throws -> [String] {
        try await asyncRead { db in
            let match = taskID == nil ? "e.query = ?2" : "(e.task_id = ?1 OR (e.task_id IS NULL AND e.query = ?2))"
            return try String.fetchAll(
                db,
                sql: """
                    SELECT e.id FROM experience e
                    WHERE \(match) AND e.retracted_at IS NULL
                      AND EXISTS (SELECT 1 FROM memory_item i WHERE i.experience_pk = e.pk AND i.archived = 0)
                    ORDER BY e.pk
                    """,
                arguments: [taskID, query])
        }
    }

    /// Adds a just-consolidated experience to the cached index when nothing else changed the bank in between
    /// (the generation moved from `before` to `after` by this insert alone); otherwise the next retrieval rebuilds.
    func extendCachedQueryIndex(with experience: Experience, pk: Int64, from before: Int64, to after: Int64) {
        queryIndexCache.withLock { cache in
            guard var current = cache, current.generation == before, after == before + 1,
                let vector = experience.queryEmbedding, experience.embeddingModel == current.model,
                vector.count == current.dimension
            else { return }
            cache = nil  // drop the shared reference first, so the append below does not copy the matrix
            current.index.append(key: pk, vector: vector)
            current.generation = after
            cache = current
        }
    }

    /// `meta.retrieval_generation`: moved on by every change to `query_vector`.
    static func retrievalGeneration(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'retrieval_generation'") ?? 0
    }

    /// Reads `query_code` in row-id order into an index of 8-bit codes (the exact vectors stay in
    /// `query_vector`, read back for the few rows ranking shortlists); returns it and the rows whose stored
    /// embedding is missing, from another model or of another length (left as zero rows, to be filled in).
    /// Rows not coded yet (written by another program) are coded from their vectors here.
    static func loadQueryIndex(_ db: Database, model: String, dimension: Int) throws -> (QueryIndex, [Int]) {
        var index = QueryIndex(model: model, dimension: dimension, holdsExactRows: false)
        // The largest row id bounds the row count without a scan, so the codes are allocated once.
        index.reserveCapacity(Int(try Int64.fetchOne(db, sql: "SELECT max(experience_pk) FROM query_code") ?? 0))
        var stale: [Int] = []
        var uncoded: [Int] = []
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT experience_pk, model = ?, code FROM query_code ORDER BY experience_pk", arguments: [model])
        while let row = try cursor.next() {
            let key: Int64 = row[0]
            let sameModel = (row[1] as Int64?) == 1
            let appended = try sameModel
                && row.withUnsafeData(atIndex: 2) { bytes in
                    guard let bytes else { return false }
                    return bytes.withUnsafeBytes { QueryCode.append($0, key: key, to: &index) }
                }
            if !appended {
                if sameModel { uncoded.append(index.count) } else { stale.append(index.count) }
                index.appendUnprepared(key: key, littleEndianFloats: nil)
            }
        }
        index.finishAppending()
        if !uncoded.isEmpty {
            let keys = uncoded.map { index.keys[$0] }
            let vectors = try fetchQueryVectors(db, keys: keys, model: model)
            for row in uncoded {
                if let vector = vectors[index.keys[row]], vector.count == dimension {
                    index.recode(row: row, fromStored: vector)
                } else {
                    stale.append(row)
                }
            }
            stale.sort()
        }
        return (index, stale)
    }

    /// Codes every `query_code` row whose code is NULL (new or changed vectors) from its vector; run in
    /// each write transaction before it commits, so stored codes always match the vectors.
    static func codeUncodedQueryVectors(_ db: Database) throws {
        let batch = 2048
        while true {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.experience_pk, v.vector FROM query_code c
                    LEFT JOIN query_vector v ON v.experience_pk = c.experience_pk
                    WHERE c.code IS NULL ORDER BY c.experience_pk LIMIT ?
                    """,
                arguments: [batch])
            if rows.isEmpty { return }
            let update = try db.cachedStatement(sql: "UPDATE query_code SET code = ? WHERE experience_pk = ?")
            for row in rows {
                let key: Int64 = row[0]
                let vector: Data? = row[1]
                try update.execute(arguments: [QueryCode.encode(vectorBytes: vector), key])
            }
            if rows.count < batch { return }
        }
    }
}


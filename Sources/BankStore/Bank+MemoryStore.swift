import Foundation
import GRDB
import ReasoningBank

extension Bank {
    /// Every live experience with all its items at their current revision (archived items flagged
    /// with `isArchived`), in insertion order. Experiences of an undone import or manual add are left out.
    public func experiences() async throws -> [Experience] {
        try await asyncRead { db in try Bank.fetchExperiences(db) }
    }

    /// Appends an experience and its items (each as revision 1, in the given order) in one transaction.
    ///
    /// Items take the experience's id as their provenance `experienceID`. Throws
    /// `BankError.duplicateID` when a live experience or any item already has the same id.
    public func consolidate(_ experience: Experience) async throws {
        let (pk, generations) = try await asyncWrite { db in
            let before = try Bank.retrievalGeneration(db)
            let pk = try Bank.consolidate(db, experience)
            return (pk, (before, try Bank.retrievalGeneration(db)))
        }
        extendCachedQueryIndex(with: experience, pk: pk, from: generations.0, to: generations.1)
    }

    /// Appends experiences and their items, as `consolidate` does for each, in one transaction.
    public func consolidate(contentsOf experiences: [Experience]) async throws {
        try await asyncWrite { db in for experience in experiences { _ = try Bank.consolidate(db, experience) } }
    }

    /// Inserts or replaces a run record, and replaces its step and retrieval-log rows, in one transaction.
    public func record(_ run: RunRecord) async throws {
        let encoded = try Bank.encodeRecord(run)
        try await asyncWrite { db in try Bank.record(db, run, encoded: encoded) }
    }

    @discardableResult
    static func consolidate(_ db: Database, _ experience: Experience) throws -> Int64 {
        let source = experience.items.first?.provenance.source.rawValue ?? ItemSource.extracted.rawValue
        let pk = try insertExperience(
            db, experience, createdAt: experience.createdAt.timeIntervalSince1970, source: source)
        for (position, item) in experience.items.enumerated() {
            var stored = item
            stored.provenance.experienceID = experience.id
            try insertItem(
                db, stored, experiencePK: pk, position: position,
                createdAt: item.provenance.createdAt.timeIntervalSince1970)
        }
        return pk
    }

    func asyncRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch let error as BankError {
            throw error
        } catch {
            throw BankError.database(Bank.describe(error))
        }
    }

    /// `write`, without blocking: one write transaction, query vectors coded before it commits.
    func asyncWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write { db in
                let result = try body(db)
                try Bank.codeUncodedQueryVectors(db)
                return result
            }
        } catch let error as BankError {
            throw error
        } catch {
            throw BankError.database(Bank.describe(error))
        }
    }
}

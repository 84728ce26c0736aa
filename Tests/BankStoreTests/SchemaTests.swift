import Foundation
import GRDB
import ReasoningBank
import Synchronization
import Testing

@testable import BankStore

@Suite("Schema and opening")
struct SchemaTests {
    @Test("migration v1 creates every table, the meta row and the application id")
    func migrationsCreateSchema() throws {
        let bank = try Bank.inMemory()
        let (tables, migrations, application, applicationID, foreignKeys) = try bank.writer.read { db in
            (
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'application'"),
                try Int.fetchOne(db, sql: "PRAGMA application_id"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        let expected: Set = [
            "meta", "import_batch", "experience", "memory_item", "item_revision", "change_log", "run", "run_step",
            "retrieval_log", "run_injected_item", "embedding_cache", "grdb_migrations",
        ]
        #expect(expected.isSubset(of: tables))
        #expect(migrations == BankSchema.migrationIdentifiers)
        #expect(application == "rbank")
        #expect(applicationID == Int(BankSchema.applicationID))
        #expect(foreignKeys == 1)
    }

    @Test("a file bank is created with its folders, uses WAL and foreign keys, and reopens with its data")
    func fileBankReopens() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("nested/deeper/bank.sqlite").path
        let bank = try Bank(path: path)
        let (journal, foreignKeys) = try await bank.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        try await bank.consolidate(Samples.experience())
        try bank.close()

        let reopened = try Bank(path: path)
        #expect(try await reopened.experiences() == [Samples.experience()])
        try reopened.close()
    }

    @Test("several connections opening one new bank at once all succeed, and it is migrated once")
    func concurrentFirstOpen() throws {
        for round in 0..<20 {
            let folder = FileManager.default.temporaryDirectory.appending(path: "rbank-race-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appending(path: "bank.sqlite").path
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    let bank = try Bank(path: path)
                    try bank.close()
                } catch {
                    failures.withLock { $0.append(String(describing: error)) }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty, "round \(round): \(failures.withLock { $0 })")
            let bank = try Bank(path: path)
            defer { try? bank.close() }
            let applied = try bank.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(applied == BankSchema.migrationIdentifiers)
        }
    }

    @Test("memory rows can never be deleted")
    func deletesAreRefused() async throws {
        let bank = try Bank.inMemory()
        try await bank.consolidate(Samples.experience())
        for table in ["memory_item", "item_revision", "experience"] {
            #expect(throws: (any Error).self) {
                try bank.writer.write { db in try db.execute(sql: "DELETE FROM \(table)") }
            }
        }
        #expect(try bank.items().count == 2)
    }

    @Test("foreign keys are enforced")
    func foreignKeysEnforced() throws {
        let bank = try Bank.inMemory()
        #expect(throws: (any Error).self) {
            try bank.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO memory_item (id, experience_pk, position, current_revision, source, created_at)
                        VALUES ('m-x', 999, 0, 1, 'manual', 0)
                        """)
            }
        }
    }

    @Test("a text file is refused as a bank and left untouched")
    func textFileRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("notes.sqlite", "# my notes\nnot a database\n")
        let before = try Data(contentsOf: file)
        let message = errorText { _ = try Bank(path: file.path) }
        #expect(message?.contains(file.path) == true)
        #expect(message?.contains("text file") == true)
        #expect(try Data(contentsOf: file) == before)
        #expect(!FileManager.default.fileExists(atPath: file.path + "-wal"))
    }

    @Test("a short binary file is refused and left untouched")
    func binaryFileRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.file("image.png")
        let bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1])
        try bytes.write(to: file)
        let message = errorText { _ = try Bank(path: file.path) }
        #expect(message?.contains("not an SQLite database") == true)
        #expect(try Data(contentsOf: file) == bytes)
    }

    @Test("another program's SQLite database is refused and left untouched")
    func foreignDatabaseRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.file("other.db")
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ada')")
        }
        try queue.close()
        let before = try Data(contentsOf: file)
        let message = errorText { _ = try Bank(path: file.path) }
        #expect(message?.contains(file.path) == true)
        #expect(message?.contains("not an rbank bank") == true)
        #expect(message?.contains("users") == true)
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("a database with a meta table that is not ours is refused")
    func foreignMetaRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.file("meta.db")
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('application', 'other');
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    """)
        }
        try queue.close()
        let before = try Data(contentsOf: file)
        #expect(throws: BankError.self) { _ = try Bank(path: file.path) }
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("a database with another application id is refused")
    func foreignApplicationIDRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.file("app.db")
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in try db.execute(sql: "PRAGMA application_id = 1234; CREATE TABLE t (x)") }
        try queue.close()
        let before = try Data(contentsOf: file)
        let message = errorText { _ = try Bank(path: file.path) }
        #expect(message?.contains("application id") == true)
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("a bank from a newer rbank is refused and left untouched")
    func newerSchemaRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("bank.sqlite").path
        try Bank(path: path).close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-future')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: BankError.self) { _ = try Bank(path: path) }
        #expect(error == .newerSchema(path: path, unknownMigrations: ["v2-future"]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("an empty file and an empty SQLite database become banks")
    func emptyFilesBecomeBanks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let empty = try scratch.write("empty.sqlite", "")
        try Bank(path: empty.path).close()
        let emptyDatabase = scratch.file("blank.sqlite")
        try DatabaseQueue(path: emptyDatabase.path).close()
        let bank = try Bank(path: emptyDatabase.path)
        #expect(try bank.stats().experiences == 0)
        try bank.close()
        try Bank(path: empty.path).close()
    }

    @Test("a folder is refused")
    func folderRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let message = errorText { _ = try Bank(path: scratch.url.path) }
        #expect(message?.contains("folder") == true)
    }
}

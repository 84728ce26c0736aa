import Foundation
import GRDB
import ReasoningBank
import Synchronization

/// The memory bank: one SQLite file (WAL, foreign keys) holding experiences, memory items and their
/// revisions, the curation change log, runs with their steps and retrieval logs, and an embedding cache.
///
/// `Bank` is the engine's `MemoryStore` and the curation API behind `rbank bank …`. Curation,
/// import and export calls are synchronous (they block the calling thread on SQLite); the
/// `MemoryStore` methods are async and run on GRDB's queues.
public final class Bank: MemoryStore, Sendable {
    /// The database file, or nil for an in-memory bank.
    public let path: String?
    /// The serial database queue (`Sendable`).
    let writer: any DatabaseWriter
    /// The query index retrieval last used, kept until the bank's `retrieval_generation` moves on.
    let queryIndexCache = Mutex<QueryIndexCache?>(nil)

    /// Opens the bank at `path`, creating the folder and the file if needed.
    ///
    /// An existing file is checked before anything is written to it: a file that is not an SQLite
    /// database, or an SQLite database that is not an rbank bank, or a bank from a newer rbank, is
    /// refused with a `BankError` and left byte-for-byte untouched. An empty (0-byte) file becomes a new bank.
    public init(path: String) throws {
        let resolved = URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL.path
        try Bank.checkBeforeOpening(resolved)
        let folder = (resolved as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw BankError.cannotOpen(path: resolved, detail: "its folder \(folder) cannot be created")
        }
        // One serial connection in WAL mode. WAL is set with the pragma (persistent, a no-op when already
        // set) rather than GRDB's `.wal` journal mode, which writes a dummy table whenever the -wal file is
        // missing: a bank that is only opened, read and closed keeps its bytes.
        var configuration = Bank.configuration(readonly: false)
        configuration.prepareDatabase { db in
            try Bank.switchToWAL(db, path: resolved)
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: resolved, configuration: configuration)
        } catch {
            throw BankError.cannotOpen(path: resolved, detail: Bank.describe(error))
        }
        self.path = resolved
        self.writer = queue
        try Bank.migrate(queue, path: resolved)
    }

    /// `PRAGMA journal_mode = WAL`. While another connection is switching the same new file, SQLite answers
    /// it "database is locked" at once, without the busy timeout; it is retried for up to 10 s.
    static func switchToWAL(_ db: Database, path: String) throws {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw BankError.cannotOpen(path: path, detail: "SQLite could not switch it to WAL mode")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    private init(path: String?, writer: any DatabaseWriter) {
        self.path = path
        self.writer = writer
    }

    /// A bank that lives in memory only, for tests and dry runs.
    public static func inMemory() throws -> Bank {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration(readonly: false))
        } catch {
            throw BankError.database(describe(error))
        }
        try migrate(queue, path: ":memory:")
        return Bank(path: nil, writer: queue)
    }

    /// Closes the database. SQLite folds the WAL back into the `.sqlite` file when its last connection
    /// closes, so the file alone holds everything afterwards. Any later call on this bank throws.
    public func close() throws {
        do {
            try writer.close()
        } catch {
            throw BankError.database(Bank.describe(error))
        }
    }

    static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "rbank.bank"
        return config
    }

    /// Applies the migrations this build knows. GRDB reads which are applied before it writes, and runs
    /// each in a transaction of its own, so two processes opening a new bank at once can both try the same
    /// one; the second then fails (a duplicate column, say) and rolls back while the bank is fine. A failure
    /// is therefore retried while another process is seen to make progress, and is an error only when the
    /// applied migrations stand still.
    private static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let migrator = BankSchema.migrator
        var applied = (try? writer.read { db in try migrator.appliedIdentifiers(db) }) ?? []
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                let now = (try? writer.read { db in try migrator.appliedIdentifiers(db) }) ?? applied
                if now.isSuperset(of: Set(BankSchema.migrationIdentifiers)) { return }
                guard now.count > applied.count else {
                    throw BankError.cannotOpen(path: path, detail: "its schema could not be created or updated: \(describe(error))")
                }
                applied = now
            }
        }
    }

    /// A database error's message without GRDB's SQL dump.
    static func describe(_ error: any Error) -> String {
        if let bankError = error as? BankError { return bankError.description }
        if let databaseError = error as? DatabaseError {
            return databaseError.message ?? "SQLite error \(databaseError.resultCode.rawValue)"
        }
        return String(describing: error)
    }

    // MARK: Access helpers

    /// Runs `body` in a read transaction, turning database errors into `BankError.database`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as BankError {
            throw error
        } catch {
            throw BankError.database(Bank.describe(error))
        }
    }

    /// Runs `body` in one write transaction (rolled back when it throws), turning database errors
    /// into `BankError.database`. New or changed query vectors are coded before it commits.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write { db in
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

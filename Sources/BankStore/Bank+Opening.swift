import Foundation
import GRDB

extension Bank {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader: [UInt8] = Array("SQLite format 3\0".utf8)

    /// Refuses a file that must not become or be used as a bank, without writing to it.
    ///
    /// A missing or 0-byte file passes (it becomes a new bank). Any other file must carry the SQLite
    /// header, and, opened read-only, be empty or hold our `meta` row and only migrations we know.
    static func checkBeforeOpening(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw BankError.cannotOpen(path: path, detail: "it is a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw BankError.cannotOpen(path: path, detail: "it cannot be read (check its permissions)")
        }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        try? handle.close()
        if header.isEmpty { return }
        guard header.count >= 16, Array(header.prefix(16)) == sqliteHeader else {
            throw BankError.notABank(path: path, detail: describeForeignBytes(header))
        }
        if header.count >= 72 {
            let applicationID = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
            if applicationID != 0 && applicationID != BankSchema.applicationID {
                throw BankError.foreignDatabase(
                    path: path, detail: "its SQLite application id is 0x" + String(UInt32(bitPattern: applicationID), radix: 16))
            }
        }
        try inspectReadOnly(path)
    }

    private static func inspectReadOnly(_ path: String) throws {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
        } catch {
            throw BankError.cannotOpen(path: path, detail: describe(error))
        }
        defer { try? queue.close() }
        do {
            try queue.read { db in
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                // Empty, or only GRDB's migration table: a bank that another process is creating right now
                // (the table is made before the first migration commits), or whose creation was cut short.
                if tables.isEmpty || tables == ["grdb_migrations"] { return }
                let listed = tables.prefix(6).joined(separator: ", ") + (tables.count > 6 ? ", …" : "")
                guard tables.contains("meta"), tables.contains("grdb_migrations") else {
                    throw BankError.foreignDatabase(path: path, detail: "it has the tables \(listed) and no rbank meta row")
                }
                let application = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'application'")
                guard application == BankSchema.applicationName else {
                    throw BankError.foreignDatabase(
                        path: path, detail: "its meta table does not name rbank (tables: \(listed))")
                }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let unknown = applied.filter { !BankSchema.migrationIdentifiers.contains($0) }
                if !unknown.isEmpty { throw BankError.newerSchema(path: path, unknownMigrations: unknown) }
            }
        } catch let error as BankError {
            throw error
        } catch {
            throw BankError.cannotOpen(path: path, detail: describe(error))
        }
    }

    private static func describeForeignBytes(_ header: [UInt8]) -> String {
        let printable = header.allSatisfy { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || ($0 >= 0x20 && $0 != 0x7F) }
        if printable, let text = String(bytes: header.prefix(40), encoding: .utf8) {
            let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
            return "it is a text file, not an SQLite database (it starts with \"\(firstLine.prefix(30))\")"
        }
        return "it is not an SQLite database (its first bytes are not the SQLite header)"
    }
}

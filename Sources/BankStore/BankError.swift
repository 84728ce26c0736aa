import Foundation

/// Everything the bank refuses or fails to do, worded so a user knows what happened and what to do.
public enum BankError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not an SQLite database (wrong header bytes).
    case notABank(path: String, detail: String)
    /// The file is an SQLite database, but another program's (tables that are not ours).
    case foreignDatabase(path: String, detail: String)
    /// The bank was written by a newer rbank with migrations this build does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// SQLite could not open or read the file (damaged, locked, unreadable, a directory …).
    case cannotOpen(path: String, detail: String)
    /// No item has this identifier or identifier prefix.
    case itemNotFound(String)
    /// No experience has this identifier or identifier prefix.
    case experienceNotFound(String)
    /// No run has this identifier or identifier prefix.
    case runNotFound(String)
    /// More than one record matches an identifier prefix.
    case ambiguousID(prefix: String, kind: String, matches: [String])
    /// A record with this identifier already exists (experiences and items are never overwritten).
    case duplicateID(kind: String, id: String)
    /// A curation request that would not change anything (e.g. archiving an archived item).
    case noChange(String)
    /// A curation request with invalid values (e.g. an empty title).
    case invalidEdit(String)
    /// An import file (or its companion embeddings file) was refused; nothing was written.
    case invalidFile(file: String, location: String?, problem: String, expected: String)
    /// An import would add experiences whose identifiers the bank already holds; nothing was written.
    case duplicateExperiences(file: String, ids: [String])
    /// A file could not be read or written.
    case fileAccess(file: String, detail: String)
    /// An export could not be produced.
    case exportFailed(file: String, detail: String)
    /// Something the database said that the bank did not expect.
    case database(String)

    public var description: String {
        switch self {
        case .notABank(let path, let detail):
            "\(path) is not an rbank bank: \(detail). Nothing was written to it. "
                + "Choose a new path for the bank (it will be created), or move this file away."
        case .foreignDatabase(let path, let detail):
            "\(path) is an SQLite database, but not an rbank bank (\(detail)). Nothing was written to it. "
                + "Choose a new path for the bank (it will be created); to bring memories from another tool, "
                + "export them as seed JSON or official JSONL and import that file."
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer rbank (unknown migrations: \(unknown.joined(separator: ", "))). "
                + "Nothing was written to it. Update rbank to open this bank."
        case .cannotOpen(let path, let detail):
            "Cannot open the bank at \(path): \(detail). Nothing was written to it. "
                + "Check the path and its permissions; if the file is damaged, restore it from a backup."
        case .itemNotFound(let id):
            "No memory item matches \"\(id)\"; list the items (archived ones too) to find its identifier."
        case .experienceNotFound(let id):
            "No experience matches \"\(id)\"."
        case .runNotFound(let id):
            "No run matches \"\(id)\"; list the runs to find its identifier."
        case .ambiguousID(let prefix, let kind, let matches):
            "\"\(prefix)\" matches \(matches.count) \(kind)s (\(matches.prefix(5).joined(separator: ", "))"
                + "\(matches.count > 5 ? ", …" : "")); type more characters of the identifier."
        case .duplicateID(let kind, let id):
            "The bank already holds a live \(kind) with the identifier \(id); records are never overwritten."
        case .noChange(let reason):
            "Nothing changed: \(reason)."
        case .invalidEdit(let reason):
            "Cannot change the item: \(reason)."
        case .invalidFile(let file, let location, let problem, let expected):
            "Refused to import \(file): \(location.map { $0 + ": " } ?? "")\(problem). \(expected) "
                + "Nothing was imported; the bank is unchanged."
        case .duplicateExperiences(let file, let ids):
            "Refused to import \(file): the bank already holds \(ids.count) of its experiences "
                + "(\(ids.prefix(5).joined(separator: ", "))\(ids.count > 5 ? ", …" : "")). Nothing was imported; "
                + "the bank is unchanged. Import again skipping existing experiences, or undo the earlier import first."
        case .fileAccess(let file, let detail):
            "Cannot access \(file): \(detail)."
        case .exportFailed(let file, let detail):
            "Cannot export to \(file): \(detail)."
        case .database(let detail):
            "The bank's database reported an error: \(detail)."
        }
    }
}

import Foundation

/// What an import did (or, for a dry run, would do).
public struct ImportReport: Sendable, Hashable, Codable {
    public var format: BankFileFormat
    public var file: String
    public var embeddingsFile: String?
    /// How `importAuto` recognised the file, in a sentence or two (nil for explicit imports).
    public var detection: String?
    public var experiencesAdded: Int
    public var itemsAdded: Int
    /// Vectors written to the embedding cache.
    public var embeddingsAdded: Int
    /// Imported experiences that got a query embedding from the embeddings file.
    public var experiencesWithEmbedding: Int
    /// Experience ids skipped because the bank already held them (`DuplicatePolicy.skip`).
    public var skippedExperienceIDs: [String]
    /// Official memory-item strings that did not parse and were kept as "(unparsed)" items.
    public var unparsedItems: Int
    /// Anything else worth telling the user.
    public var notes: [String]
    /// True when nothing was written (validation only).
    public var dryRun: Bool
    /// The import's batch number (its change-log entry undoes it); nil for a dry run.
    public var importID: Int64?

    public init(
        format: BankFileFormat, file: String, embeddingsFile: String?, detection: String?, experiencesAdded: Int,
        itemsAdded: Int, embeddingsAdded: Int, experiencesWithEmbedding: Int, skippedExperienceIDs: [String],
        unparsedItems: Int, notes: [String], dryRun: Bool, importID: Int64?
    ) {
        self.format = format
        self.file = file
        self.embeddingsFile = embeddingsFile
        self.detection = detection
        self.experiencesAdded = experiencesAdded
        self.itemsAdded = itemsAdded
        self.embeddingsAdded = embeddingsAdded
        self.experiencesWithEmbedding = experiencesWithEmbedding
        self.skippedExperienceIDs = skippedExperienceIDs
        self.unparsedItems = unparsedItems
        self.notes = notes
        self.dryRun = dryRun
        self.importID = importID
    }

    /// One line for the terminal, e.g. `Imported 4 experiences, 10 items and 12 embeddings from …`.
    public var summary: String {
        var text = "\(dryRun ? "Would import" : "Imported") \(experiencesAdded) experiences, \(itemsAdded) items "
            + "and \(embeddingsAdded) embeddings from \(file)"
        if let embeddingsFile { text += " and \(embeddingsFile)" }
        text += "."
        if !skippedExperienceIDs.isEmpty { text += " Skipped \(skippedExperienceIDs.count) already in the bank." }
        if unparsedItems > 0 { text += " Kept \(unparsedItems) unparsable item strings as \"(unparsed)\" items." }
        return text
    }

    /// Everything for the terminal, one sentence per line: how the file was recognised (for
    /// `importAuto`), the summary, and the notes.
    public var details: String {
        ([detection].compactMap { $0 } + [summary] + notes).joined(separator: "\n")
    }
}

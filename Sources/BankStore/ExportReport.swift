import Foundation

/// What an export wrote.
public struct ExportReport: Sendable, Hashable, Codable {
    public var format: BankFileFormat
    public var file: String
    public var embeddingsFile: String?
    public var experiences: Int
    public var items: Int
    public var embeddings: Int
    public var notes: [String]

    public init(
        format: BankFileFormat, file: String, embeddingsFile: String?, experiences: Int, items: Int, embeddings: Int,
        notes: [String]
    ) {
        self.format = format
        self.file = file
        self.embeddingsFile = embeddingsFile
        self.experiences = experiences
        self.items = items
        self.embeddings = embeddings
        self.notes = notes
    }

    /// One line for the terminal.
    public var summary: String {
        "Exported \(experiences) experiences and \(items) items to \(file)"
            + (embeddingsFile.map { " and \(embeddings) embeddings to \($0)" } ?? "") + "."
    }
}

import Foundation
import ReasoningBank

/// A validated import, ready to be written in one transaction.
struct PreparedImport: Sendable {
    struct Item: Sendable {
        var item: MemoryItem
        var createdAt: Double
        var rawText: String?
        /// The `extra` column as JSON text (see `SeedFormat.extraBlock`).
        var extra: String
    }

    struct Entry: Sendable {
        var experience: Experience
        var createdAt: Double
        /// The `extra` column as JSON text (see `SeedFormat.extraBlock`).
        var extra: String
        var items: [Item]
    }

    struct Embedding: Sendable {
        var model: String
        var text: String
        /// Minimal JSON of the official line's id; "" for the seed cache.
        var key: String
        var vector: EmbeddingVector
    }

    var format: BankFileFormat
    var file: String
    var embeddingsFile: String?
    var entries: [Entry]
    var embeddings: [Embedding]
    var unparsedItems: Int
    var notes: [String]
}

import Foundation

/// A distilled reasoning strategy in the paper's Title / Description / Content schema, with provenance.
public struct MemoryItem: Sendable, Hashable, Codable, Identifiable {
    /// Stable identifier, e.g. `m-3f9a1c2b7d4e`.
    public var id: String
    public var title: String
    public var description: String
    public var content: String
    /// Revision number; every edit writes a new revision, starting at 1.
    public var revision: Int
    /// Archived items are kept but never retrieved; delete archives.
    public var isArchived: Bool
    /// Pinned items are kept at the top of listings.
    public var isPinned: Bool
    /// Where the item came from.
    public var provenance: Provenance

    public init(
        id: String = MemoryItem.newID(), title: String, description: String, content: String,
        revision: Int = 1, isArchived: Bool = false, isPinned: Bool = false, provenance: Provenance
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.content = content
        self.revision = revision
        self.isArchived = isArchived
        self.isPinned = isPinned
        self.provenance = provenance
    }

    /// The three fields without identity or provenance.
    public var fields: ExtractedItem { ExtractedItem(title: title, description: description, content: content) }

    /// A fresh random identifier with the `m-` prefix.
    public static func newID() -> String { Identifier.make(prefix: "m") }
}

/// Where a memory item came from: the run, task and verdict that produced it.
public struct Provenance: Sendable, Hashable, Codable {
    public var experienceID: String?
    public var runID: String?
    public var taskID: String?
    public var query: String?
    /// The verdict of the trajectory the item was extracted from (success lesson or failure lesson).
    public var verdict: VerdictStatus?
    public var source: ItemSource
    public var createdAt: Date

    public init(
        experienceID: String? = nil, runID: String? = nil, taskID: String? = nil, query: String? = nil,
        verdict: VerdictStatus? = nil, source: ItemSource, createdAt: Date
    ) {
        self.experienceID = experienceID
        self.runID = runID
        self.taskID = taskID
        self.query = query
        self.verdict = verdict
        self.source = source
        self.createdAt = createdAt
    }
}

/// How an item entered the bank.
public enum ItemSource: String, Sendable, Hashable, Codable, CaseIterable {
    case extracted
    case selfContrast = "self-contrast"
    case importedSeed = "imported-seed-json"
    case importedOfficial = "imported-official-jsonl"
    case manual
    /// A whole successful trajectory kept as an exemplar (Synapse baseline).
    case exemplar
    /// A workflow induced from a successful trajectory (AWM baseline).
    case workflow
}

/// A memory item as an extractor writes it: the three fields only.
public struct ExtractedItem: Sendable, Hashable, Codable {
    public var title: String
    public var description: String
    public var content: String

    public init(title: String, description: String, content: String) {
        self.title = title
        self.description = description
        self.content = content
    }

    /// The item in the paper's Markdown schema, numbered `index` (1-based).
    public func markdown(index: Int) -> String {
        "# Memory Item \(index)\n## Title \(title)\n## Description \(description)\n## Content \(content)"
    }
}

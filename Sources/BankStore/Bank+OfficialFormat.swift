import Foundation
import GRDB

/// Import and export of the official code's JSONL bank (google-research/reasoning-bank).
extension Bank {
    /// The embedding-cache model name given to vectors from an official `<name>_embeddings.jsonl`.
    public static let officialEmbeddingModel = OfficialFormat.embeddingModel

    /// Imports an official JSONL bank, and its `<name>_embeddings.jsonl` when given.
    ///
    /// Each line becomes one experience whose id is derived from the record's content (official records
    /// have none), so importing the same record twice is detected. Each memory-item string is parsed
    /// with `MemoryItemParser` (a string holding several items gives several items; one that does not
    /// parse is kept as an item titled "(unparsed)" whose content is the string); the raw string is
    /// kept so that `exportOfficial` reproduces it. task_id keeps its JSON type, and think_list,
    /// action_list, template_id and unknown keys are kept too. A folder named `memories_<mode>` sets
    /// the memory mode. Every embedding line goes into the embedding cache under
    /// `Bank.officialEmbeddingModel`; the line for a record's task id and query becomes its query embedding.
    ///
    /// Validation, refusal, duplicates and `dryRun` work as for `importSeed`; errors name the line.
    @discardableResult
    public func importOfficial(
        bankURL: URL, embeddingsURL: URL?, onDuplicate: DuplicatePolicy = .refuse, dryRun: Bool = false
    ) throws -> ImportReport {
        let prepared = try OfficialFormat.prepare(bankURL: bankURL, embeddingsURL: embeddingsURL)
        return try commit(prepared, onDuplicate: onDuplicate, dryRun: dryRun)
    }

    /// Writes the live experiences as official JSONL (one record per line, compact with sorted keys),
    /// and, when `embeddingsURL` is given, the embedding cache of `embeddingModel` (plus the query
    /// embeddings of exported experiences made by that model) as `{"id", "text", "embedding"}` lines.
    ///
    /// Imported records are written back with their original keys and values; experiences from
    /// runs get status success/fail, think_list / action_list from their steps, and memory items
    /// rendered with `ExtractedItem.markdown(index:)`. An experience with no verdict is written as
    /// "fail" (the report says so). Archived items are left out unless `includeArchived`.
    @discardableResult
    public func exportOfficial(
        bankURL: URL, embeddingsURL: URL?, includeArchived: Bool = false,
        embeddingModel: String = Bank.officialEmbeddingModel
    ) throws -> ExportReport {
        let (experiences, embeddingLines) = try read { db in
            let experiences = try Bank.exportRows(db, includeArchived: includeArchived)
            var lines: [(text: String, key: String, vector: EmbeddingVector)] = []
            var seen = Set<String>()
            for cached in try Bank.cachedEmbeddings(db, model: embeddingModel) {
                seen.insert(cached.key + "\u{0}" + cached.text)
                lines.append(cached)
            }
            for experience in experiences where experience.embeddingModel == embeddingModel {
                guard let floats = experience.queryEmbedding else { continue }
                let key = try JSONText.string(OfficialFormat.taskID(experience))
                guard seen.insert(key + "\u{0}" + experience.query).inserted else { continue }
                lines.append((experience.query, key, EmbeddingVector(floats: floats)))
            }
            return (experiences, lines)
        }
        try Bank.checkFinite(experiences: experiences, embeddings: embeddingLines.map(\.vector), file: bankURL.path)
        var unknownOutcome = false
        let lines = try experiences.map { experience in
            try Bank.exportText(
                OfficialFormat.record(experience, unknownOutcome: &unknownOutcome), style: .compact, file: bankURL.path)
        }
        try Bank.writeExport(lines.joined(), to: bankURL)
        if let embeddingsURL {
            let text = try embeddingLines.map { line in
                try Bank.exportText(
                    OfficialFormat.embeddingRecord(key: line.key, text: line.text, vector: line.vector), style: .compact,
                    file: embeddingsURL.path)
            }.joined()
            try Bank.writeExport(text, to: embeddingsURL)
        }
        var notes: [String] = []
        if unknownOutcome {
            notes.append("Some experiences have no verdict; the official format has no such status, so they were written as \"fail\".")
        }
        return ExportReport(
            format: .official, file: bankURL.path, embeddingsFile: embeddingsURL?.path, experiences: experiences.count,
            items: experiences.reduce(0) { $0 + $1.items.count },
            embeddings: embeddingsURL == nil ? 0 : embeddingLines.count, notes: notes)
    }
}

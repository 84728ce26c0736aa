import Foundation
import GRDB

/// Import and export of the seed implementation's files (budprat/ReasoningBank).
extension Bank {
    /// The embedding-cache model name given to vectors from a seed `embeddings.json`.
    public static let seedEmbeddingModel = SeedFormat.embeddingModel

    /// Imports a seed `memory_bank.json`, and its `embeddings.json` when given.
    ///
    /// Each entry becomes one experience (id = entry id, query = task_query, outcome from success,
    /// created at timestamp, task id = the first item's source_task_id) with its items as revision 1
    /// (source `.importedSeed`). Every vector goes into the embedding cache under
    /// `Bank.seedEmbeddingModel`; the vector of an entry's task_query becomes its query embedding.
    /// Fields the bank has no column for are kept so that `exportSeed` writes the same JSON back.
    ///
    /// Both files are read and validated completely before anything is written, and then written in
    /// one transaction: a malformed or foreign file is refused with `BankError.invalidFile` (naming the
    /// file, the entry and the field), and ids the bank already holds with `.duplicateExperiences`
    /// (unless `onDuplicate` is `.skip`), leaving the bank unchanged. `dryRun` validates only.
    @discardableResult
    public func importSeed(
        bankURL: URL, embeddingsURL: URL?, onDuplicate: DuplicatePolicy = .refuse, dryRun: Bool = false
    ) throws -> ImportReport {
        let prepared = try SeedFormat.prepare(bankURL: bankURL, embeddingsURL: embeddingsURL)
        return try commit(prepared, onDuplicate: onDuplicate, dryRun: dryRun)
    }

    /// Writes the live experiences as a seed `memory_bank.json` (a pretty-printed JSON array with sorted
    /// keys, written by `JSONSerialization`), and,
    /// when `embeddingsURL` is given, the embedding cache of `embeddingModel` (plus the query embeddings
    /// of exported experiences made by that model) as `embeddings.json`.
    ///
    /// Imported entries are written back with their original keys and values (items at
    /// their current revision); experiences from runs get source_task_id = task id, success_signal =
    /// outcome, extraction_timestamp = created at, and final_state / model_output / steps_taken from
    /// their run. Archived items are left out unless `includeArchived`. Files are replaced atomically.
    @discardableResult
    public func exportSeed(
        bankURL: URL, embeddingsURL: URL?, includeArchived: Bool = false,
        embeddingModel: String = Bank.seedEmbeddingModel
    ) throws -> ExportReport {
        let (experiences, embeddings) = try read { db in
            let experiences = try Bank.exportRows(db, includeArchived: includeArchived)
            var vectors: [String: EmbeddingVector] = [:]
            for cached in try Bank.cachedEmbeddings(db, model: embeddingModel) where vectors[cached.text] == nil {
                vectors[cached.text] = cached.vector
            }
            for experience in experiences where experience.embeddingModel == embeddingModel {
                guard let floats = experience.queryEmbedding, vectors[experience.query] == nil else { continue }
                vectors[experience.query] = EmbeddingVector(floats: floats)
            }
            return (experiences, vectors)
        }
        try Bank.checkFinite(experiences: experiences, embeddings: Array(embeddings.values), file: bankURL.path)
        let bank = try Bank.exportText(experiences.map(SeedFormat.entry), style: .pretty, file: bankURL.path)
        try Bank.writeExport(bank, to: bankURL)
        if let embeddingsURL {
            let text = try Bank.exportText(embeddings.mapValues(\.json), style: .pretty, file: embeddingsURL.path)
            try Bank.writeExport(text, to: embeddingsURL)
        }
        return ExportReport(
            format: .seed, file: bankURL.path, embeddingsFile: embeddingsURL?.path, experiences: experiences.count,
            items: experiences.reduce(0) { $0 + $1.items.count }, embeddings: embeddingsURL == nil ? 0 : embeddings.count,
            notes: [])
    }
}

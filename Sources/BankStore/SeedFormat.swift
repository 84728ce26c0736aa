import Foundation
import ReasoningBank

/// The seed implementation's files (budprat/ReasoningBank): `memory_bank.json` and `embeddings.json`.
enum SeedFormat {
    /// The embedding-cache model name of vectors imported from `embeddings.json`.
    static let embeddingModel = "seed-embeddings"

    static let expected = """
        A seed bank (budprat/ReasoningBank memory_bank.json) is a JSON array of entries like \
        {"id": "<uuid>", "task_query": "...", "trajectory": "...", "success": true, "memory_items": \
        [{"title": "...", "description": "...", "content": "...", "source_task_id": "..." or null, \
        "success_signal": true or null, "extraction_timestamp": 1712345678.9 or null}], \
        "timestamp": 1712345678.9, "final_state": "..." or null, "model_output": "..." or null, \
        "steps_taken": 7 or null}.
        """

    static let embeddingsExpected = """
        A seed embeddings.json is a JSON object mapping each embedded text (an item's \
        "title\\ndescription\\ncontent" or a query) to its vector: {"<text>": [0.0123, -0.0456, ...]}.
        """

    /// Entry keys that live in experience columns (all others are kept in `extra`).
    static let entryColumnKeys: Set<String> = ["id", "task_query", "trajectory", "success", "memory_items", "timestamp"]
    /// Item keys that live in revision columns.
    static let itemColumnKeys: Set<String> = ["title", "description", "content"]

    // MARK: Import

    /// Reads and validates both files completely; nothing is written.
    static func prepare(bankURL: URL, embeddingsURL: URL?) throws -> PreparedImport {
        let text = try ImportText.read(bankURL, expected: expected)
        let top = try text.json()
        guard let entries = top as? [Any] else {
            var problem = "expected a JSON array of entries at the top level, found \(JSONText.describe(top))"
            if let object = top as? [String: Any], !object.isEmpty, object.values.allSatisfy({ $0 is [Any] }) {
                problem += " (this looks like an embeddings.json; import the memory_bank.json beside it)"
            }
            throw text.refusal(at: nil, problem)
        }
        var embeddings: [PreparedImport.Embedding] = []
        var vectors: [String: EmbeddingVector] = [:]
        if let embeddingsURL {
            for (embeddedText, vector) in try parseEmbeddings(embeddingsURL) {
                vectors[embeddedText] = vector
                embeddings.append(PreparedImport.Embedding(model: embeddingModel, text: embeddedText, key: "", vector: vector))
            }
        }
        var prepared: [PreparedImport.Entry] = []
        var firstIndexOfID: [String: Int] = [:]
        var notes: [String] = []
        for (index, value) in entries.enumerated() {
            let readableID = ((value as? [String: Any])?["id"] as? String).map { " (id \"\($0.prefix(40))\")" } ?? ""
            let place = "entry \(index + 1) of \(entries.count)\(readableID)"
            let entry = try prepareEntry(value, text: text, place: place, vectors: vectors)
            if let first = firstIndexOfID[entry.experience.id] {
                throw text.refusal(
                    at: "\(place), field \"id\"",
                    "entry \(first + 1) has the same id; every entry needs its own id")
            }
            firstIndexOfID[entry.experience.id] = index
            prepared.append(entry)
        }
        let withoutVector = prepared.filter { $0.experience.queryEmbedding == nil }.count
        if embeddingsURL == nil {
            notes.append("No embeddings.json was given; the imported experiences have no query embeddings yet.")
        } else if withoutVector > 0 {
            notes.append("\(withoutVector) entries have no embedding of their task_query in the embeddings file.")
        }
        return PreparedImport(
            format: .seed, file: bankURL.path, embeddingsFile: embeddingsURL?.path, entries: prepared,
            embeddings: embeddings, unparsedItems: 0, notes: notes)
    }

    private static func prepareEntry(
        _ value: Any, text: ImportText, place: String, vectors: [String: EmbeddingVector]
    ) throws -> PreparedImport.Entry {
        let fields = try ImportFields(value, text: text, place: place, what: "an entry")
        let id = try fields.string("id")
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw fields.refusal("id", "the id is empty") }
        let query = try fields.string("task_query")
        let trajectory = try fields.string("trajectory")
        let success = try fields.bool("success")
        let itemValues = try fields.array("memory_items")
        let timestamp = try fields.number("timestamp")
        _ = try fields.optionalString("final_state")
        _ = try fields.optionalString("model_output")
        try fields.optionalInteger("steps_taken")

        var items: [PreparedImport.Item] = []
        var sourceTaskIDs: [String] = []
        for (index, itemValue) in itemValues.enumerated() {
            let item = try ImportFields(
                itemValue, text: text, place: place, path: "memory_items[\(index)].", what: "a memory item")
            let title = try item.string("title")
            let description = try item.string("description")
            let content = try item.string("content")
            let sourceTaskID = try item.optionalString("source_task_id")
            let signal = try item.optionalBool("success_signal")
            let extracted = try item.optionalNumber("extraction_timestamp")
            if let sourceTaskID { sourceTaskIDs.append(sourceTaskID) }
            let createdAt = extracted ?? timestamp
            let memory = MemoryItem(
                title: title, description: description, content: content,
                provenance: Provenance(
                    experienceID: id, runID: nil, taskID: sourceTaskID, query: query,
                    verdict: (signal ?? success) ? .success : .failure, source: .importedSeed,
                    createdAt: Date(timeIntervalSince1970: createdAt)))
            items.append(
                PreparedImport.Item(
                    item: memory, createdAt: createdAt, rawText: nil,
                    extra: try extraBlock(item, columnKeys: itemColumnKeys)))
        }
        var embedding: [Float]?
        if let vector = vectors[query] {
            let floats = vector.floats
            if floats.allSatisfy(\.isFinite) { embedding = floats }
        }
        let experience = Experience(
            id: id, taskID: sourceTaskIDs.first, query: query, queryEmbedding: embedding,
            embeddingModel: embedding == nil ? nil : embeddingModel, outcome: success ? .success : .failure,
            runID: nil, memoryMode: .reasoningbank, items: items.map(\.item),
            createdAt: Date(timeIntervalSince1970: timestamp), trajectoryText: trajectory)
        return PreparedImport.Entry(
            experience: experience, createdAt: timestamp, extra: try extraBlock(fields, columnKeys: entryColumnKeys),
            items: items)
    }

    /// The `extra` column of an imported object, `{"format": "seed", "fields": {non-column members}}`
    /// plus `flags`, as JSON text.
    static func extraBlock(
        _ fields: ImportFields, columnKeys: Set<String>, format: BankFileFormat = .seed, flags: [String: Any] = [:]
    ) throws -> String {
        let block: [String: Any] = ["format": format.rawValue, "fields": fields.members(except: columnKeys)]
        return try JSONText.string(block.merging(flags) { kept, _ in kept })
    }

    /// The text → vector pairs of an embeddings.json, sorted by text (JSON objects are unordered; a
    /// repeated text keeps its last vector, as Python's `json.load` would).
    static func parseEmbeddings(_ url: URL) throws -> [(String, EmbeddingVector)] {
        let text = try ImportText.read(url, expected: embeddingsExpected)
        let top = try text.json()
        guard let object = top as? [String: Any] else {
            throw text.refusal(at: nil, "expected a JSON object mapping texts to vectors, found \(JSONText.describe(top))")
        }
        return try object.sorted { $0.key < $1.key }.map { key, value in
            let vector = try ImportFields.embedding(value) { problem in
                text.refusal(at: "the vector of the text \"\(key.prefix(50))\"", problem)
            }
            return (key, vector)
        }
    }

    // MARK: Export

    /// One entry of memory_bank.json: an imported entry with its original members (items at their
    /// current revision), any other experience with the seed's keys filled from its run.
    static func entry(_ experience: ExportExperience) -> [String: Any] {
        var entry: [String: Any]
        if let fields = experience.imported(.seed) {
            entry = fields
        } else {
            let run = experience.run
            entry = [
                "final_state": JSONText.orNull(run?.trajectory.finalState),
                "model_output": JSONText.orNull(run?.trajectory.finalAnswer),
                "steps_taken": JSONText.orNull(run?.trajectory.steps.count),
            ]
        }
        entry["id"] = experience.id
        entry["task_query"] = experience.query
        entry["trajectory"] = experience.trajectoryText ?? ""
        entry["success"] = experience.outcome == .success
        entry["memory_items"] = experience.items.map { item(for: $0, of: experience) }
        entry["timestamp"] = JSONText.number(experience.createdAt)
        return entry
    }

    private static func item(for item: ExportExperience.Item, of experience: ExportExperience) -> [String: Any] {
        var fields: [String: Any]
        if item.extra["format"] as? String == BankFileFormat.seed.rawValue, let kept = item.extra["fields"] as? [String: Any] {
            fields = kept
        } else {
            let verdict = item.verdict ?? experience.outcome
            fields = [
                "source_task_id": JSONText.orNull(item.taskID ?? experience.taskID),
                "success_signal": JSONText.orNull(verdict.map { $0 == .success }),
                "extraction_timestamp": JSONText.number(item.createdAt),
            ]
        }
        fields["title"] = item.title
        fields["description"] = item.description
        fields["content"] = item.content
        return fields
    }
}

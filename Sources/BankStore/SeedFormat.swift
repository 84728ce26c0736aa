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
    static let entryKeyOrder = [
        "id", "task_query", "trajectory", "success", "memory_items", "timestamp", "final_state", "model_output",
        "steps_taken",
    ]
    /// Item keys that live in revision columns.
    static let itemColumnKeys: Set<String> = ["title", "description", "content"]
    static let itemKeyOrder = ["title", "description", "content", "source_task_id", "success_signal", "extraction_timestamp"]

    // MARK: Import

    /// Reads and validates both files completely; nothing is written.
    static func prepare(bankURL: URL, embeddingsURL: URL?) throws -> PreparedImport {
        let text = try ImportText.read(bankURL, expected: expected)
        let top = try parse(text)
        guard let entries = top.arrayValue else {
            var problem = "expected a JSON array of entries at the top level, found \(top.kindDescription)"
            if let members = top.members, !members.isEmpty, members.allSatisfy({ $0.value.arrayValue != nil }) {
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
            let readableID = value["id"]?.stringValue.map { " (id \"\($0.prefix(40))\")" } ?? ""
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
        _ value: JSONValue, text: ImportText, place: String, vectors: [String: EmbeddingVector]
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
                    extra: extraBlock(item, columnKeys: itemColumnKeys)))
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
            experience: experience, createdAt: timestamp, extra: extraBlock(fields, columnKeys: entryColumnKeys),
            items: items)
    }

    /// `{"format": "seed", "key_order": [...], "fields": {non-column members}}`.
    static func extraBlock(_ fields: ImportFields, columnKeys: Set<String>, format: BankFileFormat = .seed) -> JSONValue {
        let order = fields.keyOrder
        let kept = order.filter { !columnKeys.contains($0) }.compactMap { key in
            fields.value(key).map { JSONMember(key, $0) }
        }
        return .object([
            JSONMember("format", .string(format.rawValue)),
            JSONMember("key_order", .array(order.map(JSONValue.string))),
            JSONMember("fields", .object(kept)),
        ])
    }

    /// The text → vector pairs of an embeddings.json, in file order (a repeated text keeps its first
    /// position and its last vector, as Python's `json.load` would).
    static func parseEmbeddings(_ url: URL) throws -> [(String, EmbeddingVector)] {
        let text = try ImportText.read(url, expected: embeddingsExpected)
        let top = try parse(text)
        guard let members = top.members else {
            throw text.refusal(at: nil, "expected a JSON object mapping texts to vectors, found \(top.kindDescription)")
        }
        var order: [String] = []
        var vectors: [String: EmbeddingVector] = [:]
        for (index, member) in members.enumerated() {
            let vector = try ImportFields.embedding(member.value) { problem in
                text.refusal(at: "member \(index + 1) of \(members.count) (text \"\(member.key.prefix(50))\")", problem)
            }
            if vectors.updateValue(vector, forKey: member.key) == nil { order.append(member.key) }
        }
        return order.map { ($0, vectors[$0]!) }
    }

    static func parse(_ text: ImportText) throws -> JSONValue {
        do {
            return try JSONParser.parse(text.bytes, range: text.start..<text.bytes.count)
        } catch {
            throw text.refusal(at: text.location(ofOffset: error.offset), "the file is not valid JSON: \(error.message)")
        }
    }

    // MARK: Export

    /// One entry of memory_bank.json.
    static func entry(_ experience: ExportExperience) -> JSONValue {
        let imported = experience.imported(.seed)
        var fields: [String: JSONValue] = [:]
        for member in imported?.fields ?? [] { fields[member.key] = member.value }
        if imported == nil {
            let run = experience.run
            fields["final_state"] = .optionalString(run.map(\.trajectory.finalState))
            fields["model_output"] = .optionalString(run?.trajectory.finalAnswer)
            fields["steps_taken"] = run.map { .int($0.trajectory.steps.count) } ?? .null
        }
        let columns: [String: JSONValue] = [
            "id": .string(experience.id),
            "task_query": .string(experience.query),
            "trajectory": .string(experience.trajectoryText ?? ""),
            "success": .bool(experience.outcome == .success),
            "memory_items": .array(experience.items.map { item(for: $0, of: experience) }),
            "timestamp": .double(experience.createdAt),
        ]
        return .object(ordered(imported?.keyOrder ?? entryKeyOrder, columns: columns, fields: fields))
    }

    private static func item(for item: ExportExperience.Item, of experience: ExportExperience) -> JSONValue {
        let importedOrder = item.extra["format"]?.stringValue == BankFileFormat.seed.rawValue
            ? item.extra["key_order"]?.arrayValue?.compactMap(\.stringValue) : nil
        var fields: [String: JSONValue] = [:]
        if importedOrder != nil {
            for member in item.extra["fields"]?.members ?? [] { fields[member.key] = member.value }
        } else {
            let verdict = item.verdict ?? experience.outcome
            fields["source_task_id"] = .optionalString(item.taskID ?? experience.taskID)
            fields["success_signal"] = verdict.map { .bool($0 == .success) } ?? .null
            fields["extraction_timestamp"] = .double(item.createdAt)
        }
        let columns: [String: JSONValue] = [
            "title": .string(item.title), "description": .string(item.description), "content": .string(item.content),
        ]
        return .object(ordered(importedOrder ?? itemKeyOrder, columns: columns, fields: fields))
    }

    /// Members in `order`, each from `columns` or else `fields`; keys of either missing from `order` follow.
    static func ordered(_ order: [String], columns: [String: JSONValue], fields: [String: JSONValue]) -> [JSONMember] {
        var members: [JSONMember] = []
        var written = Set<String>()
        for key in order where !written.contains(key) {
            guard let value = columns[key] ?? fields[key] else { continue }
            members.append(JSONMember(key, value))
            written.insert(key)
        }
        for key in columns.keys.sorted() where !written.contains(key) {
            members.append(JSONMember(key, columns[key]!))
        }
        return members
    }
}

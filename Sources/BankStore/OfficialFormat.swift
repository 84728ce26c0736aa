import Foundation
import ReasoningBank

/// The official code's files (google-research/reasoning-bank): `<website>.jsonl` with one record per
/// line, and `<website>_embeddings.jsonl` with one `{"id", "text", "embedding"}` per line.
enum OfficialFormat {
    /// The embedding-cache model name of vectors imported from an official embeddings file.
    static let embeddingModel = "official-embeddings"

    static let expected = """
        An official bank (google-research/reasoning-bank) has one JSON object per line, like \
        {"task_id": 21, "query": "...", "think_list": ["..."], "action_list": ["..."], "status": "success" or \
        "fail", "memory_items": ["# Memory Item 1\\n## Title ...\\n## Description ...\\n## Content ..."], \
        "template_id": 3}.
        """

    static let embeddingsExpected = """
        An official embeddings file has one JSON object per line: {"id": <task_id>, "text": "<query>", \
        "embedding": [0.0123, -0.0456, ...]}.
        """

    /// Record keys that live in experience or item columns (all others are kept in `extra`).
    static let columnKeys: Set<String> = ["query", "status", "memory_items"]

    // MARK: Import

    /// Reads and validates both files completely; nothing is written.
    static func prepare(bankURL: URL, embeddingsURL: URL?) throws -> PreparedImport {
        let text = try ImportText.read(bankURL, expected: expected)
        let embeddingLines = try embeddingsURL.map(parseEmbeddings) ?? []
        let mode = memoryMode(for: bankURL)
        let importedAt = Date().timeIntervalSince1970
        var entries: [PreparedImport.Entry] = []
        var lineOfID: [String: Int] = [:]
        var unparsed = 0
        for (number, range) in text.lines() where !text.isBlank(range) {
            let value = try text.json(in: range, what: "line")
            let (entry, unparsedHere) = try prepareRecord(
                value, text: text, line: number, mode: mode, importedAt: importedAt, embeddings: embeddingLines)
            if let first = lineOfID[entry.experience.id] {
                throw text.refusal(at: "line \(number)", "the record repeats the record on line \(first) exactly")
            }
            lineOfID[entry.experience.id] = number
            entries.append(entry)
            unparsed += unparsedHere
        }
        var notes: [String] = []
        if embeddingsURL == nil {
            notes.append("No embeddings file was given; the imported experiences have no query embeddings yet.")
        }
        let embeddings = embeddingLines.map {
            PreparedImport.Embedding(model: embeddingModel, text: $0.text, key: $0.key, vector: $0.vector)
        }
        return PreparedImport(
            format: .official, file: bankURL.path, embeddingsFile: embeddingsURL?.path, entries: entries,
            embeddings: embeddings, unparsedItems: unparsed, notes: notes)
    }

    private static func prepareRecord(
        _ value: Any, text: ImportText, line: Int, mode: MemoryMode, importedAt: Double,
        embeddings: [EmbeddingLine]
    ) throws -> (PreparedImport.Entry, Int) {
        let fields = try ImportFields(value, text: text, place: "line \(line)", what: "a record")
        let taskIDValue = try fields.require("task_id", "a string or a whole number")
        let taskID: String
        if let string = taskIDValue as? String {
            taskID = string
        } else if JSONText.isInteger(taskIDValue) {
            taskID = try JSONText.string(taskIDValue)
        } else {
            throw fields.refusal("task_id", "expected a string or a whole number, found \(JSONText.describe(taskIDValue))")
        }
        let query = try fields.string("query")
        let thinks = try fields.optionalStrings("think_list")
        let actions = try fields.optionalStrings("action_list")
        let statusText = try fields.string("status")
        let status: VerdictStatus
        switch statusText {
        case "success": status = .success
        case "fail": status = .failure
        default: throw fields.refusal("status", "expected \"success\" or \"fail\", found \"\(statusText.prefix(40))\"")
        }
        if let template = fields.value("template_id"),
            !(JSONText.isNull(template) || template is String || JSONText.isInteger(template))
        {
            throw fields.refusal(
                "template_id", "expected a string, a whole number or null, found \(JSONText.describe(template))")
        }
        let itemsValue = try fields.require("memory_items", "an array of strings")
        let strings: [String]
        var itemsWereOneString = false
        if let values = itemsValue as? [Any] {
            strings = try values.enumerated().map { index, element in
                guard let string = element as? String else {
                    throw fields.refusal("memory_items[\(index)]", "expected a string, found \(JSONText.describe(element))")
                }
                return string
            }
        } else if let string = itemsValue as? String {
            // The official MaTTS code stores all items as one string; accept and reproduce it.
            strings = [string]
            itemsWereOneString = true
        } else {
            throw fields.refusal("memory_items", "expected an array of strings, found \(JSONText.describe(itemsValue))")
        }

        let id = "x-" + fnv1a48(try JSONText.string(value))
        let taskKey = try JSONText.string(taskIDValue)
        let vector = embeddings.last(where: { $0.key == taskKey && $0.text == query })
            ?? embeddings.last(where: { $0.text == query }) ?? embeddings.last(where: { $0.key == taskKey })
        let floats = vector?.vector.floats
        let embedding = floats?.allSatisfy(\.isFinite) == true ? floats : nil

        var items: [PreparedImport.Item] = []
        var unparsed = 0
        for (rawIndex, raw) in strings.enumerated() {
            let parsed: [ExtractedItem]
            switch MemoryItemParser.parse(raw) {
            case .success(let found): parsed = found
            case .failure:
                parsed = [ExtractedItem(title: "(unparsed)", description: "", content: raw)]
                unparsed += 1
            }
            for (part, fieldsOfItem) in parsed.enumerated() {
                let memory = MemoryItem(
                    title: fieldsOfItem.title, description: fieldsOfItem.description, content: fieldsOfItem.content,
                    provenance: Provenance(
                        experienceID: id, runID: nil, taskID: taskID, query: query, verdict: status,
                        source: .importedOfficial, createdAt: Date(timeIntervalSince1970: importedAt)))
                let extra = try JSONText.string([
                    "format": BankFileFormat.official.rawValue, "raw_index": rawIndex, "part": part, "parts": parsed.count,
                ])
                items.append(PreparedImport.Item(item: memory, createdAt: importedAt, rawText: raw, extra: extra))
            }
        }
        var trajectory: String?
        if thinks != nil || actions != nil {
            let thinkList = thinks ?? []
            let actionList = actions ?? []
            trajectory = (0..<max(thinkList.count, actionList.count)).map { index in
                let think = index < thinkList.count ? "<think>\(thinkList[index])</think>" : ""
                let action = index < actionList.count ? "<action>\(actionList[index])</action>" : ""
                return [think, action].filter { !$0.isEmpty }.joined(separator: "\n")
            }.joined(separator: "\n")
        }
        let experience = Experience(
            id: id, taskID: taskID, query: query, queryEmbedding: embedding,
            embeddingModel: embedding == nil ? nil : embeddingModel, outcome: status, runID: nil, memoryMode: mode,
            items: items.map(\.item), createdAt: Date(timeIntervalSince1970: importedAt), trajectoryText: trajectory)
        let extra = try SeedFormat.extraBlock(
            fields, columnKeys: columnKeys, format: .official,
            flags: itemsWereOneString ? ["memory_items_string": true] : [:])
        return (PreparedImport.Entry(experience: experience, createdAt: importedAt, extra: extra, items: items), unparsed)
    }

    struct EmbeddingLine {
        var key: String
        var text: String
        var vector: EmbeddingVector
    }

    static func parseEmbeddings(_ url: URL) throws -> [EmbeddingLine] {
        let text = try ImportText.read(url, expected: embeddingsExpected)
        var lines: [EmbeddingLine] = []
        for (number, range) in text.lines() where !text.isBlank(range) {
            let value = try text.json(in: range, what: "line")
            let fields = try ImportFields(value, text: text, place: "line \(number)", what: "an embedding record")
            let id = try fields.require("id", "the task id")
            guard id is String || JSONText.isNull(id) || JSONText.isInteger(id) else {
                throw fields.refusal("id", "expected a task id (a string or a whole number), found \(JSONText.describe(id))")
            }
            let embedded = try fields.string("text")
            let vector = try ImportFields.embedding(try fields.require("embedding", "an array of numbers")) {
                fields.refusal("embedding", $0)
            }
            lines.append(EmbeddingLine(key: try JSONText.string(id), text: embedded, vector: vector))
        }
        return lines
    }

    /// `memories_<mode>/<site>.jsonl` names the memory mode; anything else is `reasoningbank`.
    static func memoryMode(for url: URL) -> MemoryMode {
        let folder = url.deletingLastPathComponent().lastPathComponent
        guard folder.hasPrefix("memories_") else { return .reasoningbank }
        return MemoryMode(rawValue: String(folder.dropFirst("memories_".count))) ?? .reasoningbank
    }

    /// 48 bits of FNV-1a-64 of the text's UTF-8 bytes, as 12 hex digits: a stable experience id for a record.
    static func fnv1a48(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash & 0xFFFF_FFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    // MARK: Export

    /// One line of the bank file (without its line break); `unknownOutcome` is set when a missing
    /// verdict had to be written as "fail".
    static func record(_ experience: ExportExperience, unknownOutcome: inout Bool) -> [String: Any] {
        var record: [String: Any]
        if let fields = experience.imported(.official) {
            record = fields
        } else {
            let (thinks, actions) = experience.thinksAndActions
            record = [
                "task_id": taskID(experience), "think_list": thinks, "action_list": actions,
                "template_id": JSONText.orNull(experience.run?.task.family),
            ]
        }
        if experience.outcome == nil { unknownOutcome = true }
        let strings = memoryStrings(experience.items)
        if experience.extra["memory_items_string"].flatMap(JSONText.bool) == true, strings.count == 1,
            experience.items.allSatisfy({ $0.rawText != nil })
        {
            record["memory_items"] = strings[0]
        } else {
            record["memory_items"] = strings
        }
        record["query"] = experience.query
        record["status"] = experience.outcome == .success ? "success" : "fail"
        return record
    }

    /// The memory-item strings: an imported string is written back as it was while every item parsed
    /// from it is unedited and exported; any other item is rendered in the paper's Markdown schema.
    static func memoryStrings(_ items: [ExportExperience.Item]) -> [String] {
        var strings: [String] = []
        var index = 0
        while index < items.count {
            let item = items[index]
            let rawIndex = item.extra["format"] as? String == BankFileFormat.official.rawValue
                ? item.extra["raw_index"].flatMap(JSONText.double) : nil
            let parts = Int(item.extra["parts"].flatMap(JSONText.double) ?? 1)
            var group = [item]
            if let rawIndex {
                var next = index + 1
                while next < items.count, items[next].extra["raw_index"].flatMap(JSONText.double) == rawIndex,
                    items[next].extra["format"] as? String == BankFileFormat.official.rawValue
                {
                    group.append(items[next])
                    next += 1
                }
            }
            if rawIndex != nil, group.count == parts, let raw = item.rawText,
                group.allSatisfy({ $0.rawText == raw })
            {
                strings.append(raw)
            } else {
                for member in group {
                    strings.append(
                        ExtractedItem(title: member.title, description: member.description, content: member.content)
                            .markdown(index: strings.count + 1))
                }
            }
            index += group.count
        }
        return strings
    }

    /// The record's task_id: as imported (string or number), else the task id or, lacking one, the experience id.
    static func taskID(_ experience: ExportExperience) -> Any {
        experience.imported(.official)?["task_id"] ?? experience.taskID ?? experience.id
    }

    /// One line of the embeddings file; `key` is the JSON text of the line's id.
    static func embeddingRecord(key: String, text: String, vector: EmbeddingVector) -> [String: Any] {
        let id = (try? JSONText.parse(Data(key.utf8))) ?? NSNull()
        return ["id": id, "text": text, "embedding": vector.json]
    }
}

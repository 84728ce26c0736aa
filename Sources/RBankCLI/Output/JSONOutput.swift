import Foundation

/// The one JSON style of every `--json` output: snake_case keys, sorted, ISO 8601 dates.
enum JSONOutput {
    static func encode(_ value: some Encodable, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in
            SnakeKey(stringValue: snakeCase(path.last?.stringValue ?? ""))
        }
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `storedItemIDs` → `stored_item_ids`, `runID` → `run_id`, `latencyMs` → `latency_ms`.
    /// (Foundation's own strategy turns `taskIDs` into `task_i_ds`.)
    static func snakeCase(_ key: String) -> String {
        var words: [String] = []
        var current = ""
        let characters = Array(key.replacingOccurrences(of: "IDs", with: "Ids").replacingOccurrences(of: "ID", with: "Id"))
        for (index, character) in characters.enumerated() {
            let startsWord = character.isUppercase && index > 0
                && (characters[index - 1].isLowercase || characters[index - 1].isNumber
                    || (index + 1 < characters.count && characters[index + 1].isLowercase && characters[index - 1].isUppercase))
            if startsWord, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    private struct SnakeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

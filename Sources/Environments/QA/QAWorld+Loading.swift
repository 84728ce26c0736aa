import Foundation

extension QAWorld {
    /// Reads and validates a QA task file.
    public static func loadRecords(from url: URL) throws(QATaskFileError) -> [QATaskRecord] {
        switch TaskFileText.read(url) {
        case .success(let text): return try parseRecords(text, file: url.path)
        case .failure(let failure): throw .unreadable(file: url.path, reason: failure.reason)
        }
    }

    /// Parses the JSON-lines text of a task file; `file` names it in errors. Blank lines are skipped.
    public static func parseRecords(_ text: String, file: String) throws(QATaskFileError) -> [QATaskRecord] {
        var records: [QATaskRecord] = []
        var firstLineOfID: [String: Int] = [:]
        let decoder = JSONDecoder()
        for (lineNumber, line) in TaskFileText.lines(text) {
            let record: QATaskRecord
            do {
                record = try decoder.decode(QATaskRecord.self, from: Data(line.utf8))
            } catch let error as DecodingError {
                throw .malformedLine(file: file, line: lineNumber, problem: problem(error))
            } catch {
                throw .malformedLine(file: file, line: lineNumber, problem: "not valid JSON")
            }
            for (field, value) in [("id", record.id), ("question", record.question), ("answer", record.answer)]
            where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw .malformedLine(file: file, line: lineNumber, problem: "field \"\(field)\" is empty")
            }
            if let first = firstLineOfID[record.id] {
                throw .duplicateID(file: file, line: lineNumber, id: record.id, firstLine: first)
            }
            firstLineOfID[record.id] = lineNumber
            records.append(record)
        }
        guard !records.isEmpty else { throw .empty(file: file) }
        return records
    }

    private static func problem(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _):
            return "missing field \"\(key.stringValue)\""
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return "expected a JSON object with the task's fields" }
            return "field \"\(field(context.codingPath))\" must be \(describe(type))"
        case .valueNotFound(let type, let context):
            if context.codingPath.isEmpty { return "expected a JSON object with the task's fields" }
            return "field \"\(field(context.codingPath))\" is null; it must be \(describe(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "field \"\(field(context.codingPath))\" is invalid: \(context.debugDescription)"
        @unknown default:
            return "not a valid task"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if type is String.Type { return "a string" }
        if type is Bool.Type { return "true or false" }
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list of strings" }
        if name.hasPrefix("Dictionary") { return "a JSON object" }
        return "of type \(name)"
    }
}

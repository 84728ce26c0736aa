import Foundation

extension ShopWorld {
    /// Reads and validates a shop suite file.
    public static func loadRecords(from url: URL) throws(ShopTaskFileError) -> [ShopTaskRecord] {
        switch TaskFileText.read(url) {
        case .success(let text): return try parseRecords(text, file: url.path)
        case .failure(let failure): throw .unreadable(file: url.path, reason: failure.reason)
        }
    }

    /// Parses the JSON-lines text of a suite; blank lines are skipped.
    public static func parseRecords(_ text: String, file: String) throws(ShopTaskFileError) -> [ShopTaskRecord] {
        var records: [ShopTaskRecord] = []
        var firstLineOfID: [String: Int] = [:]
        let decoder = JSONDecoder()
        for (lineNumber, line) in TaskFileText.lines(text) {
            let record: ShopTaskRecord
            do {
                record = try decoder.decode(ShopTaskRecord.self, from: Data(line.utf8))
            } catch let DecodingError.keyNotFound(key, _) {
                throw .malformedLine(file: file, line: lineNumber, problem: "missing field \"\(key.stringValue)\"")
            } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
                throw .malformedLine(file: file, line: lineNumber, problem: context.debugDescription)
            } catch {
                throw .malformedLine(file: file, line: lineNumber, problem: "not a valid shop task (expected a JSON object with id, template, type, query, seed, evaluator)")
            }
            for (field, value) in [("id", record.id), ("query", record.query)]
            where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw .malformedLine(file: file, line: lineNumber, problem: "field \"\(field)\" is empty")
            }
            if let first = firstLineOfID[record.id] {
                throw .duplicateID(file: file, line: lineNumber, id: record.id, firstLine: first)
            }
            if let first = records.first, first.seed != record.seed {
                throw .mixedSeeds(file: file, line: lineNumber, seed: record.seed, firstSeed: first.seed)
            }
            firstLineOfID[record.id] = lineNumber
            records.append(record)
        }
        guard !records.isEmpty else { throw .empty(file: file) }
        return records
    }
}

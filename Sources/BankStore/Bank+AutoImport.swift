import Foundation

extension Bank {
    /// Recognises an import file without importing it: a JSON array is a seed `memory_bank.json`
    /// (with `embeddings.json` beside it, if present); JSON objects one per line are an official bank
    /// (with `<stem>_embeddings.jsonl` beside it, if present). Embeddings files given by themselves, and
    /// anything else, are refused with a `BankError` that says what to import instead.
    public static func detectImport(url: URL) throws -> DetectedImport {
        let expected = SeedFormat.expected + " " + OfficialFormat.expected
        let text = try ImportText.read(url, expected: expected)
        let name = url.lastPathComponent
        let folder = url.deletingLastPathComponent()
        guard let first = text.bytes[text.start...].first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            throw text.refusal(at: nil, "the file holds only whitespace")
        }
        if first == UInt8(ascii: "[") {
            let sibling = folder.appendingPathComponent("embeddings.json")
            let found = FileManager.default.fileExists(atPath: sibling.path)
            let explanation = "\(name) starts with '[': a seed bank (budprat/ReasoningBank memory_bank.json, a JSON array). "
                + (found
                    ? "Found embeddings.json beside it; its vectors go into the embedding cache as \"\(SeedFormat.embeddingModel)\" "
                        + "and give the experiences their query embeddings."
                    : "There is no embeddings.json beside it, so the experiences will have no query embeddings until they are embedded.")
            return DetectedImport(format: .seed, bankURL: url, embeddingsURL: found ? sibling : nil, explanation: explanation)
        }
        guard first == UInt8(ascii: "{") else {
            throw text.refusal(
                at: nil, "the file is neither format: a seed bank is a JSON array (starts with '[') and an official bank "
                    + "has one JSON object per line (starts with '{')")
        }
        if name.hasSuffix("_embeddings.jsonl") {
            let stem = String(name.dropLast("_embeddings.jsonl".count))
            throw text.refusal(
                at: nil, "this is an official embeddings file; import the bank it belongs to (\(stem).jsonl), "
                    + "which picks it up from beside it")
        }
        if let line = text.lines().first(where: { !text.isBlank($0.range) }),
            let value = try? JSONText.parse(Data(text.bytes[line.range])) as? [String: Any]
        {
            if value["embedding"] != nil && value["text"] != nil && value["query"] == nil {
                throw text.refusal(
                    at: nil, "this is an official embeddings file (lines of {\"id\", \"text\", \"embedding\"}); "
                        + "import the bank file it belongs to")
            }
            let stem = url.deletingPathExtension().lastPathComponent
            let sibling = folder.appendingPathComponent(stem + "_embeddings.jsonl")
            let found = FileManager.default.fileExists(atPath: sibling.path)
            let explanation = "\(name) holds one JSON object per line: an official bank (google-research/reasoning-bank JSONL). "
                + (found
                    ? "Found \(sibling.lastPathComponent) beside it; its vectors go into the embedding cache as "
                        + "\"\(OfficialFormat.embeddingModel)\" and give the experiences their query embeddings."
                    : "There is no \(stem)_embeddings.jsonl beside it, so the experiences will have no query embeddings "
                        + "until they are embedded.")
            return DetectedImport(format: .official, bankURL: url, embeddingsURL: found ? sibling : nil, explanation: explanation)
        }
        if let whole = try? JSONText.parse(Data(text.bytes[text.start...])) as? [String: Any] {
            if !whole.isEmpty, whole.values.allSatisfy({ $0 is [Any] }) {
                throw text.refusal(
                    at: nil, "this looks like a seed embeddings.json (an object of text → vector); "
                        + "import the memory_bank.json beside it, which picks it up")
            }
            throw text.refusal(at: nil, "the file is a single JSON object, which is neither format")
        }
        // Starts like JSON Lines but the first line is broken: let the official validator say where.
        return DetectedImport(
            format: .official, bankURL: url, embeddingsURL: nil,
            explanation: "\(name) starts with '{': treated as an official bank (JSON Lines).")
    }

    /// Detects the format of `url` (see `detectImport(url:)`) and imports it with its embeddings file.
    /// The report's `detection` explains what was found.
    @discardableResult
    public func importAuto(url: URL, onDuplicate: DuplicatePolicy = .refuse, dryRun: Bool = false) throws -> ImportReport {
        let detected = try Bank.detectImport(url: url)
        var report: ImportReport
        switch detected.format {
        case .seed:
            report = try importSeed(
                bankURL: url, embeddingsURL: detected.embeddingsURL, onDuplicate: onDuplicate, dryRun: dryRun)
        case .official:
            report = try importOfficial(
                bankURL: url, embeddingsURL: detected.embeddingsURL, onDuplicate: onDuplicate, dryRun: dryRun)
        }
        report.detection = detected.explanation
        return report
    }
}

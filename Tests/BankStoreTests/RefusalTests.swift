import Foundation
import ReasoningBank
import Testing

@testable import BankStore

/// One malformed import: the files, how to import them, and what the refusal must say.
struct BadImport: Sendable, CustomTestStringConvertible {
    enum Route: Sendable {
        case seed, official, auto
    }

    var name: String
    var route: Route
    var fileName: String
    var bank: Data
    var embeddings: Data?
    /// Fragments the message must contain besides the file name and "the bank is unchanged".
    var mentions: [String]
    /// Whether the message must name the embeddings file instead of the bank file.
    var blamesEmbeddings = false

    var testDescription: String { name }

    static func text(_ string: String) -> Data { Data(string.utf8) }

    static let goodEntry = """
        {"id": "e1", "task_query": "q1", "trajectory": "t", "success": true, "memory_items": \
        [{"title": "a", "description": "b", "content": "c"}], "timestamp": 1.5}
        """

    static let all: [BadImport] = [
        BadImport(
            name: "truncated seed JSON", route: .seed, fileName: "memory_bank.json",
            bank: text("[\n  " + goodEntry + ",\n  {\"id\": \"e2\", \"task_query\": \"q"),
            mentions: ["line 3, column", "not valid JSON", "not closed"]),
        BadImport(
            name: "seed top level is an object", route: .seed, fileName: "memory_bank.json",
            bank: text("{\"entries\": []}"), mentions: ["expected a JSON array of entries", "found an object"]),
        BadImport(
            name: "entry missing a required field", route: .seed, fileName: "memory_bank.json",
            bank: text("[" + goodEntry + ", {\"id\": \"e2\", \"trajectory\": \"t\", \"success\": false, "
                + "\"memory_items\": [], \"timestamp\": 2}]"),
            mentions: ["entry 2 of 2 (id \"e2\"), field \"task_query\"", "required field is missing"]),
        BadImport(
            name: "entry field of the wrong type", route: .seed, fileName: "memory_bank.json",
            bank: text("[" + goodEntry.replacingOccurrences(of: "\"success\": true", with: "\"success\": \"yes\"") + "]"),
            mentions: ["entry 1 of 1 (id \"e1\"), field \"success\"", "expected true or false, found a string"]),
        BadImport(
            name: "item field of the wrong type", route: .seed, fileName: "memory_bank.json",
            bank: text("[" + goodEntry.replacingOccurrences(
                of: "[{\"title\": \"a\"", with: "[{\"title\": \"ok\", \"description\": \"\", \"content\": \"x\"}, {\"title\": 5")
                + "]"),
            mentions: ["field \"memory_items[1].title\"", "expected a string, found the number 5"]),
        BadImport(
            name: "timestamp is a string", route: .seed, fileName: "memory_bank.json",
            bank: text("[" + goodEntry.replacingOccurrences(of: "1.5}", with: "\"yesterday\"}") + "]"),
            mentions: ["field \"timestamp\"", "expected a number"]),
        BadImport(
            name: "two entries with one id", route: .seed, fileName: "memory_bank.json",
            bank: text("[" + goodEntry + "," + goodEntry + "]"),
            mentions: ["entry 2 of 2 (id \"e1\"), field \"id\"", "entry 1 has the same id"]),
        BadImport(
            name: "empty file", route: .auto, fileName: "memory_bank.json", bank: Data(), mentions: ["the file is empty"]),
        BadImport(
            name: "binary file", route: .auto, fileName: "memory_bank.json",
            bank: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
            mentions: ["byte 8", "binary file"]),
        BadImport(
            name: "not UTF-8", route: .seed, fileName: "memory_bank.json",
            bank: Data("[{\"id\": \"caf".utf8) + Data([0xE9]) + Data("\"}]".utf8),
            mentions: ["byte 12", "not UTF-8 text"]),
        BadImport(
            name: "nesting bomb", route: .seed, fileName: "memory_bank.json",
            bank: text(String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)),
            mentions: ["line 1, column 514", "too many nested arrays or dictionaries"]),
        BadImport(
            name: "embedding holds a string", route: .seed, fileName: "memory_bank.json", bank: text("[" + goodEntry + "]"),
            embeddings: text("{\"q1\": [0.1, 0.2], \"a\\nb\\nc\": [0.1, \"0.2\", 0.3]}"),
            mentions: ["the vector of the text \"a\nb\nc\"", "element 1 of the embedding is a string"], blamesEmbeddings: true),
        BadImport(
            name: "embedding is not an array", route: .seed, fileName: "memory_bank.json", bank: text("[" + goodEntry + "]"),
            embeddings: text("{\"q1\": \"0.1,0.2\"}"),
            mentions: ["the vector of the text \"q1\"", "expected an embedding (an array of numbers)"], blamesEmbeddings: true),
        BadImport(
            name: "embeddings.json is an array", route: .seed, fileName: "memory_bank.json", bank: text("[" + goodEntry + "]"),
            embeddings: text("[[0.1, 0.2]]"), mentions: ["expected a JSON object mapping texts to vectors"],
            blamesEmbeddings: true),
        BadImport(
            name: "official line is not JSON", route: .auto, fileName: "shop.jsonl",
            bank: text("{\"task_id\": 1, \"query\": \"q\", \"status\": \"success\", \"memory_items\": []}\n"
                + "{\"task_id\": 2, \"query\": \"q\", \"status\": \"success\", \"memory_items\": []}\n"
                + "{\"task_id\": 3, \"query\": \"q\", \"status\": \"success\", \"memory_items\": [}\n"),
            mentions: ["line 3, column 68", "the line is not valid JSON", "found character '}'"]),
        BadImport(
            name: "official status outside the format", route: .official, fileName: "shop.jsonl",
            bank: text("{\"task_id\": 1, \"query\": \"q\", \"status\": \"success\", \"memory_items\": []}\n"
                + "{\"task_id\": 2, \"query\": \"q\", \"status\": \"failure\", \"memory_items\": []}\n"),
            mentions: ["line 2, field \"status\"", "expected \"success\" or \"fail\", found \"failure\""]),
        BadImport(
            name: "official memory item is an object", route: .official, fileName: "shop.jsonl",
            bank: text("{\"task_id\": 1, \"query\": \"q\", \"status\": \"fail\", \"memory_items\": [{\"title\": \"x\"}]}\n"),
            mentions: ["line 1, field \"memory_items[0]\"", "expected a string, found an object"]),
        BadImport(
            name: "official task id is a fraction", route: .official, fileName: "shop.jsonl",
            bank: text("{\"task_id\": 1.5, \"query\": \"q\", \"status\": \"fail\", \"memory_items\": []}\n"),
            mentions: ["line 1, field \"task_id\"", "expected a string or a whole number"]),
        BadImport(
            name: "official line is an array", route: .official, fileName: "shop.jsonl",
            bank: text("[1, 2]\n"), mentions: ["line 1", "expected a record (a JSON object), found an array of 2"]),
        BadImport(
            name: "official embedding is text", route: .official, fileName: "shop.jsonl",
            bank: text("{\"task_id\": 1, \"query\": \"q\", \"status\": \"fail\", \"memory_items\": []}\n"),
            embeddings: text("\n{\"id\": 1, \"text\": \"q\", \"embedding\": \"[0.1]\"}\n"),
            mentions: ["line 2, field \"embedding\"", "expected an embedding"], blamesEmbeddings: true),
        BadImport(
            name: "official embedding misses its text", route: .official, fileName: "shop.jsonl",
            bank: text("{\"task_id\": 1, \"query\": \"q\", \"status\": \"fail\", \"memory_items\": []}\n"),
            embeddings: text("{\"id\": 1, \"embedding\": [0.1]}\n"),
            mentions: ["line 1, field \"text\"", "required field is missing"], blamesEmbeddings: true),
        BadImport(
            name: "a plain text file", route: .auto, fileName: "notes.txt", bank: text("just some notes\n"),
            mentions: ["neither format"]),
    ]
}

@Suite("Refusing malformed and foreign import files")
struct RefusalTests {
    @Test("a malformed file is refused with file, place and problem; the bank's rows and bytes are unchanged",
        arguments: BadImport.all)
    func refused(_ bad: BadImport) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bankPath = scratch.file("bank/bank.sqlite").path
        do {
            let bank = try Bank(path: bankPath)
            try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: Fixtures.seedEmbeddings)
            try await bank.consolidate(Samples.experience())
            try bank.close()
        }
        let reopened = try Bank(path: bankPath)
        let counts = try reopened.rowCounts()
        try reopened.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: bankPath))

        let folder = scratch.file("import")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bankFile = folder.appendingPathComponent(bad.fileName)
        try bad.bank.write(to: bankFile)
        var embeddingsFile: URL?
        if let embeddings = bad.embeddings {
            let name = bad.route == .official ? "shop_embeddings.jsonl" : "embeddings.json"
            embeddingsFile = folder.appendingPathComponent(name)
            try embeddings.write(to: embeddingsFile!)
        }

        let bank = try Bank(path: bankPath)
        let error = #expect(throws: BankError.self) {
            switch bad.route {
            case .seed: try bank.importSeed(bankURL: bankFile, embeddingsURL: embeddingsFile)
            case .official: try bank.importOfficial(bankURL: bankFile, embeddingsURL: embeddingsFile)
            case .auto: try bank.importAuto(url: bankFile)
            }
        }
        let message = error?.description ?? ""
        let blamed = bad.blamesEmbeddings ? embeddingsFile!.path : bankFile.path
        #expect(message.contains("Refused to import \(blamed): "), "\(message)")
        #expect(message.contains("Nothing was imported; the bank is unchanged."))
        for fragment in bad.mentions { #expect(message.contains(fragment), "missing «\(fragment)» in: \(message)") }
        #expect(try bank.rowCounts() == counts)
        // Also a dry run and importAuto of the same file write nothing.
        _ = try? bank.importAuto(url: bankFile, dryRun: true)
        #expect(try bank.rowCounts() == counts)
        try bank.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: bankPath)) == bytes)
        // Closing checkpointed the WAL: the database file alone holds everything.
        let copy = scratch.file("copy/bank.sqlite")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bankPath, toPath: copy.path)
        let copied = try Bank(path: copy.path)
        #expect(try copied.rowCounts() == counts)
        try copied.close()
    }

    @Test("a refusal says what a valid file looks like")
    func refusalShowsTheFormat() throws {
        let bank = try Bank.inMemory()
        let scratch = try Scratch()
        defer { scratch.remove() }
        let seed = try scratch.write("memory_bank.json", "[1]")
        let message = errorText { try bank.importSeed(bankURL: seed, embeddingsURL: nil) } ?? ""
        #expect(message.contains("entry 1 of 1: expected an entry (a JSON object), found the number 1"))
        #expect(message.contains("A seed bank (budprat/ReasoningBank memory_bank.json) is a JSON array of entries like"))
        let official = try scratch.write("shop.jsonl", "{\"task_id\": 1}\n")
        let other = errorText { try bank.importOfficial(bankURL: official, embeddingsURL: nil) } ?? ""
        #expect(other.contains("line 1, field \"query\": the required field is missing (expected a string)"))
        #expect(other.contains("An official bank (google-research/reasoning-bank) has one JSON object per line"))
        let missing = errorText { try bank.importSeed(bankURL: scratch.file("nope.json"), embeddingsURL: nil) } ?? ""
        #expect(missing.contains("nope.json"))
        #expect(missing.contains("no such file"))
    }
}

import BankStore
import Foundation
import TestSupport
import Testing

private let seedFixture = ProjectFiles.path("Tests/BankStoreTests/Fixtures/seed/memory_bank.json")
private let officialFixture = ProjectFiles.path("Tests/BankStoreTests/Fixtures/official/shopping.jsonl")

@Suite("rbank bank, end to end", .serialized)
struct BankCommandTests {
    @Test("seed import → export → import → export through the CLI is lossless")
    func seedRoundTrip() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let imported = try await sandbox.run(["bank", "import", seedFixture.path])
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        let first = sandbox.folder.path("first/memory_bank.json")
        try FileManager.default.createDirectory(at: first.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try await sandbox.run(["bank", "export", "--format", "seed-json", first.path]).status == 0)

        let second = sandbox.folder.path("second/memory_bank.json")
        try FileManager.default.createDirectory(at: second.deletingLastPathComponent(), withIntermediateDirectories: true)
        let otherBank = sandbox.folder.path("other.sqlite").path
        #expect(try await sandbox.run(["bank", "import", first.path, "--bank", otherBank]).status == 0)
        #expect(try await sandbox.run(["bank", "export", "--format", "seed-json", second.path, "--bank", otherBank]).status == 0)

        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        let firstEmbeddings = first.deletingLastPathComponent().appendingPathComponent("embeddings.json")
        let secondEmbeddings = second.deletingLastPathComponent().appendingPathComponent("embeddings.json")
        #expect(try Data(contentsOf: firstEmbeddings) == Data(contentsOf: secondEmbeddings))
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: seedFixture)) as? NSArray
        let exported = try JSONSerialization.jsonObject(with: Data(contentsOf: first)) as? NSArray
        #expect(original != nil && original == exported)
    }

    @Test("official JSONL import → export round-trips through the CLI")
    func officialRoundTrip() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        #expect(try await sandbox.run(["bank", "import", officialFixture.path]).status == 0)
        let out = sandbox.folder.path("shopping.jsonl")
        let export = try await sandbox.run(["bank", "export", "--format", "official-jsonl", out.path])
        #expect(export.status == 0, "stderr: \(export.stderr)")
        let lines = { (url: URL) throws -> [NSDictionary] in
            try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary)
            }
        }
        #expect(try lines(out) == lines(officialFixture))
    }

    @Test("a malformed file is refused with its name and place, and the bank's bytes and counts are unchanged")
    func malformedRefused() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        #expect(try await sandbox.run(["run", "--env", "qa", "--task", "qa-003"]).status == 0)
        let statsBefore = try await sandbox.run(["bank", "stats", "--json"]).stdout
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: sandbox.bankPath))

        let text = try String(contentsOf: seedFixture, encoding: .utf8)
        let truncated = sandbox.folder.path("truncated/memory_bank.json")
        try FileManager.default.createDirectory(at: truncated.deletingLastPathComponent(), withIntermediateDirectories: true)
        try String(text.prefix(text.count / 2)).write(to: truncated, atomically: true, encoding: .utf8)
        let refused = try await sandbox.run(["bank", "import", truncated.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(truncated.path) || refused.stderr.contains("memory_bank.json"))

        let wrongField = sandbox.folder.path("wrong/memory_bank.json")
        try FileManager.default.createDirectory(at: wrongField.deletingLastPathComponent(), withIntermediateDirectories: true)
        try #"[{"id": "a", "task_query": 7, "trajectory": "", "success": true, "memory_items": []}]"#
            .write(to: wrongField, atomically: true, encoding: .utf8)
        let typed = try await sandbox.run(["bank", "import", wrongField.path])
        #expect(typed.status != 0)
        #expect(typed.stderr.contains("task_query"))

        #expect(try await sandbox.run(["bank", "stats", "--json"]).stdout == statsBefore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.bankPath)) == bytesBefore)
    }

    @Test("delete archives, undo restores, and the item is never retrieved while archived")
    func deleteAndUndo() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let run = try sandbox.json(try await sandbox.run(["run", "--env", "qa", "--task", "qa-001", "--json"]).stdout)
        let id = try #require((run["stored_item_ids"] as? [String])?.first)
        let delete = try await sandbox.run(["bank", "delete", String(id.prefix(7))])
        #expect(delete.status == 0, "stderr: \(delete.stderr)")
        #expect(try await sandbox.run(["bank", "list"]).stdout.contains(id) == false)
        #expect(try await sandbox.run(["bank", "list", "--archived"]).stdout.contains(id))
        #expect(try await sandbox.run(["bank", "undo"]).status == 0)
        #expect(try await sandbox.run(["bank", "list"]).stdout.contains(id))
    }

    @Test("Ctrl-C during a suite exits 130, stops the suite, and leaves no run unfinished")
    func interrupt() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let path = sandbox.bankPath
        // Interrupt once a run has finished: the signal handler is installed by then.
        let output = try await sandbox.runner.run(["run", "--env", "qa", "--all", "--passes", "50", "--json"]) {
            guard let bank = try? Bank(path: path) else { return false }
            defer { try? bank.close() }
            return ((try? bank.runs(limit: 5)) ?? []).contains { $0.status == .success || $0.status == .failure }
        }
        #expect(output.status == 130, "stderr: \(output.stderr)")
        let bank = try Bank(path: sandbox.bankPath)
        defer { try? bank.close() }
        let runs = try bank.runs()
        // The signal lands inside a run (recorded as cancelled) or between two runs (none to record).
        #expect(runs.count < 50 * 64)
        #expect(runs.filter { $0.status == .cancelled }.count <= 1)
        #expect(!runs.contains { $0.status == .running })
    }
}

import Foundation
import TestSupport
import Testing

@Suite("rbank bench, end to end", .serialized)
struct BenchCommandTests {
    @Test("bench prints a row per mode, draws the curve, and is saved for --list and --show")
    func benchQA() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["bench", "--env", "qa", "--limit", "12", "--modes", "none,reasoningbank"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("none "))
        #expect(output.stdout.contains("reasoningbank "))
        #expect(output.stdout.contains("cumulative success rate"))
        #expect(output.stdout.contains("offline simulation"))
        let list = try await sandbox.run(["bench", "--list"])
        let id = try #require(list.stdout.split(separator: " ").first.map(String.init))
        #expect(id.hasPrefix("b-"))
        let json = try await sandbox.run(["bench", "--show", id, "--json"])
        let object = try sandbox.json(json.stdout)
        #expect((object["task_ids"] as? [String])?.count == 12)
        #expect((object["modes"] as? [[String: Any]])?.count == 2)
        let csv = try await sandbox.run(["bench", "--show", id, "--csv"])
        #expect(csv.stdout.split(separator: "\n").count == 3)
    }

    @Test("a bad mode is refused with the modes that exist")
    func badMode() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["bench", "--modes", "none,everything"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("Unknown mode \"everything\""))
        #expect(output.stderr.contains("matts-parallel"))
    }
}

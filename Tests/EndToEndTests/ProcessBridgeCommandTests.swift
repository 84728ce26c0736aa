import Foundation
import TestSupport
import Testing

/// `--env exec:COMMAND` from the command line and in the workbench, with the real binary.
@Suite("The process bridge, end to end", .serialized)
struct ProcessBridgeCommandTests {
    @Test("run --env exec: plays an external environment and records its ground truth")
    func runSkeleton() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["run", "--env", "exec:python3 adapters/skeleton.py", "--task", "t1", "--json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let report = try sandbox.json(output.stdout)
        let task = try #require(report["task"] as? [String: Any])
        #expect(task["environment"] as? String == "skeleton")
        let truth = try #require(report["ground_truth"] as? [String: Any])
        #expect(truth["expected"] as? String == "hello")
        #expect((report["trajectory"] as? [Any])?.isEmpty == false)
    }

    @Test("an environment that writes garbage ends the run as error with a message that says so")
    func garbage() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let script = sandbox.folder.path("noisy.py")
        try """
            import json, sys
            for line in sys.stdin:
                r = json.loads(line)
                if r["method"] == "hello":
                    print(json.dumps({"id": r["id"], "result": {"protocol": 1, "name": "noisy", "action_guide": "say('x')"}}), flush=True)
                elif r["method"] == "tasks":
                    print(json.dumps({"id": r["id"], "result": {"tasks": [{"id": "n1", "query": "q"}]}}), flush=True)
                else:
                    print("DEBUG: resetting the world", flush=True)
            """.write(to: script, atomically: true, encoding: .utf8)
        let output = try await sandbox.run(["run", "--env", "exec:python3 \(script.path)", "--task", "n1"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("■ error"))
        #expect(output.stdout.contains("not a protocol response to `reset`"), "\(output.stdout)")
        #expect(output.stdout.contains("DEBUG: resetting the world"))
        let stats = try await sandbox.run(["bank", "stats"])
        #expect(stats.stdout.contains("error 1"), "\(stats.stdout)")
    }

    @Test("bench runs TextWorldExpress through the bridge offline, end to end")
    func benchTextWorldExpress() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run([
            "bench", "--env", "exec:python3 adapters/textworld_express.py", "--modes", "none,reasoningbank", "--limit", "4",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("env textworld-express · 4 tasks"))
        #expect(output.stdout.contains("reasoningbank "))
        let lines = output.stdout.split(separator: "\n").filter { $0.hasPrefix("none ") || $0.hasPrefix("reasoningbank ") }
        #expect(lines.count == 2)
        // No run broke: the errors column is 0 for both modes.
        #expect(lines.allSatisfy { $0.hasSuffix(" 0") }, "\(lines)")
    }
}

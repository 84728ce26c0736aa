import BankStore
import Foundation
import ReasoningBank
import TestSupport
import Testing

@Suite("rbank matts and the MaTTS bench, end to end", .serialized)
struct MaTTSCommandTests {
    @Test("matts parallel --json records every trajectory, the selector's choice and pass@1, and the bank keeps the run")
    func parallelJSON() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["matts", "parallel", "--k", "3", "--env", "shop", "--task", "shop-001", "--json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let report = try sandbox.json(output.stdout)
        let scaling = try #require(report["scaling"] as? [String: Any])
        #expect(scaling["mode"] as? String == "parallel")
        #expect(scaling["k"] as? Int == 3)
        let attempts = try #require(scaling["attempts"] as? [[String: Any]])
        #expect(attempts.count == 3)
        #expect(attempts.allSatisfy { ($0["trajectory"] as? [Any])?.isEmpty == false && $0["verdict"] != nil })
        let chosen = try #require(scaling["chosen_index"] as? Int)
        let selection = try #require(scaling["selection"] as? [String: Any])
        #expect(selection["chosen_index"] as? Int == chosen)
        #expect((selection["reason"] as? String)?.isEmpty == false)
        #expect((0..<3).contains(try #require(scaling["pass_at_one_index"] as? Int)))
        // The run's answer is the chosen trajectory's.
        #expect(report["final_answer"] as? String == attempts[chosen]["final_answer"] as? String)
        let items = try #require(report["extracted_items"] as? [[String: Any]])
        #expect(!items.isEmpty && items.count <= 5)

        let bank = try Bank(path: sandbox.bankPath)
        defer { try? bank.close() }
        let runID = try #require(report["run_id"] as? String)
        let found = try bank.run(id: runID)
        let stored = try #require(found)
        #expect(stored.scaling?.attempts.count == 3)
        #expect(stored.scaling?.chosenIndex == chosen)
        #expect(try bank.stats().experiences == 1)
    }

    @Test("matts sequential prints every round and the final answer's round; the simulation is labelled")
    func sequentialText() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["matts", "sequential", "--k", "3", "--env", "qa", "--task", "qa-001"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("offline simulation"))
        #expect(output.stdout.contains("MaTTS sequential · k = 3"))
        for round in 1...3 { #expect(output.stdout.contains("◆ round \(round) ·")) }
        #expect(output.stdout.contains("matts-sequential k=3 · final answer from round 3"))
    }

    @Test("bad input is refused with what to do")
    func badInput() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let noK = try await sandbox.run(["matts", "parallel", "--k", "0", "--task", "qa-001"])
        #expect(noK.status != 0)
        #expect(noK.stderr.contains("--k must be between 1 and 16"))
        let both = try await sandbox.run(["matts", "parallel", "hello", "--task", "qa-001"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("exactly one of QUERY or --task"))
        let mode = try await sandbox.run(["matts", "sideways", "--task", "qa-001"])
        #expect(mode.status != 0)
        #expect(mode.stderr.contains("parallel") && mode.stderr.contains("sequential"))
        let memory = try await sandbox.run(["matts", "parallel", "--task", "qa-001", "--memory-mode", "awm"])
        #expect(memory.status != 0)
        #expect(memory.stderr.contains("--memory-mode reasoningbank"))
        let factors = try await sandbox.run(["bench", "--modes", "matts-parallel", "--k", "1,x"])
        #expect(factors.status != 0)
        #expect(factors.stderr.contains("--k takes scaling factors"))
    }

    @Test("bench with MaTTS modes and several k prints the scaling table and saves every arm")
    func scalingBench() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run([
            "bench", "--env", "qa", "--limit", "6", "--modes", "reasoningbank,matts-parallel,matts-sequential", "--k", "1,3",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        for label in ["matts-parallel k=1", "matts-parallel k=3", "matts-sequential k=1", "matts-sequential k=3"] {
            #expect(output.stdout.contains(label))
        }
        #expect(output.stdout.contains("MaTTS scaling: success rate by the ground truth"))
        #expect(output.stdout.contains("matts-parallel (Best-of-N)"))
        #expect(output.stdout.contains("matts-parallel (pass@1)"))
        #expect(output.stdout.contains("reasoningbank (no scaling)"))
        let list = try await sandbox.run(["bench", "--list"])
        let id = try #require(list.stdout.split(separator: " ").first.map(String.init))
        let json = try sandbox.json(try await sandbox.run(["bench", "--show", id, "--json"]).stdout)
        let modes = try #require(json["modes"] as? [[String: Any]])
        #expect(modes.count == 5)
        let scaled = modes.compactMap { $0["scaling"] as? [String: Any] }
        #expect(scaled.count == 4)
        #expect(Set(scaled.compactMap { $0["k"] as? Int }) == [1, 3])
    }
}

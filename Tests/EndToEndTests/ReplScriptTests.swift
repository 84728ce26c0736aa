import BankStore
import Foundation
import ReasoningBank
import Synchronization
import Testing
import TestSupport

/// `rbank repl` reading a script from a pipe: the real binary, the offline model, the bank checked after.
@Suite("rbank repl with a script on standard input, end to end", .serialized)
struct ReplScriptTests {
    /// The JSON objects among `text`'s lines.
    private static func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{") else { return nil }
            return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    @Test("a script of commands: runs stream readable lines and JSON lines, errors are reported and the script goes on, exit stops it")
    func script() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let script = """
            # a script for the REPL: comments and blank lines are skipped

            bank stats
            run --env qa --task qa-001
            rbank run --env qa --task qa-002 --jsonl
            bank list
            bnak list
            run --env qa --task nope
            help bank
            exit
            bank stats
            """
        let output = try await sandbox.runner.run(["repl"], input: script + "\n")
        #expect(output.status == 1, "a failed command makes a script fail; stderr: \(output.stderr)")
        let stdout = output.stdout
        // No prompt, no banner: only what the commands print.
        #expect(!stdout.contains("rbank>"))
        #expect(stdout.hasPrefix("bank "))
        #expect(stdout.contains("runs         0 (none)"))
        // The readable run, as rbank run prints it.
        #expect(stdout.contains("▶ run r-"))
        #expect(stdout.contains("task qa-001 · env qa"))
        #expect(stdout.contains("  judge: "))
        // The JSON-lines run: one event per line, the last with the report.
        let events = Self.jsonLines(stdout)
        #expect(events.compactMap { $0["event"] as? String } == ["started", "retrieved", "step", "judged", "extracted", "consolidated", "finished"])
        let report = try #require(events.last?["report"] as? [String: Any])
        #expect((report["task"] as? [String: Any])?["id"] as? String == "qa-002")
        #expect((events[1]["injected"] as? [[String: Any]])?.isEmpty == false, "qa-002 retrieves what qa-001 stored")
        // bank list and help come from the same commands as the command line.
        #expect(stdout.contains("OVERVIEW: Browse, search, import, export and curate the memory bank."))
        // Errors go to standard error and the script goes on; nothing runs after exit.
        #expect(output.stderr.contains("Unknown command \"bnak\""))
        #expect(output.stderr.contains("No task \"nope\" in the qa suite"))
        #expect(stdout.components(separatedBy: "experiences ").count == 2, "bank stats after exit must not run")

        let bank = try Bank(path: sandbox.bankPath)
        defer { try? bank.close() }
        let runs = try bank.runs()
        #expect(Set(runs.map(\.taskID)) == ["qa-001", "qa-002"])
        let items = try bank.items()
        let stored = try runs.flatMap { try bank.run(id: $0.id)?.storedItemIDs ?? [] }
        #expect(Set(items.map(\.id)) == Set(stored))
        for item in items { #expect(stdout.contains(item.id), "bank list shows \(item.id)") }
    }

    @Test("session options and modes: --env, step mode answered from the script, step off, json on, --echo")
    func sessionModes() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let script = """
            run --task qa-001
            s
            g
            step off
            run --task qa-002
            json on
            bank stats
            """
        let output = try await sandbox.runner.run(["repl", "--env", "qa", "--step", "--echo"], input: script + "\n")
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let stdout = output.stdout
        #expect(stdout.contains("rbank> run --task qa-001"))
        #expect(stdout.contains("‖ step · before injection · task qa-001"))
        #expect(stdout.contains("step> s"))
        #expect(stdout.contains("Going on without stopping for the rest of this run."))
        #expect(stdout.contains("Step mode is off."))
        #expect(stdout.components(separatedBy: "‖ step · before injection").count == 2, "the second run does not stop")
        let stats = try #require(stdout.range(of: "rbank> bank stats\n").map { String(stdout[$0.upperBound...]) })
        let json = try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any]
        #expect((json?["runs_by_status"] as? [String: Int])?.values.reduce(0, +) == 2, "bank stats printed JSON: \(stats)")

        let bank = try Bank(path: sandbox.bankPath)
        defer { try? bank.close() }
        let records = try bank.runs().compactMap { try bank.run(id: $0.id) }.sorted { $0.startedAt < $1.startedAt }
        #expect(records.map(\.task.id) == ["qa-001", "qa-002"])
        #expect(records[0].overrides.map(\.gate) == ["before-injection"])
        #expect(records[0].overrides.first?.summary.contains("injected 0 memories") == true)
        #expect(records[1].overrides.isEmpty)
        #expect(!records[1].retrieval.injectedItemIDs.isEmpty)
    }

    @Test("SIGINT during a run cancels that run (recorded as cancelled) and the script goes on with its next line")
    func interruptARun() async throws {
        let server = try await FakeProviderServer.start()
        defer { server.stop() }
        try await server.inject(#"{"kind":"stall","after_chunks":2}"#)
        let sandbox = try Sandbox(extraEnvironment: [
            "LLM_PROVIDER": "anthropic", "ANTHROPIC_API_KEY": "sk-ant-api03-REPLTESTKEY0123456789",
            "ANTHROPIC_BASE_URL": server.url().absoluteString, "LLM_MAX_RETRIES": "0",
        ])
        defer { sandbox.folder.remove() }
        let stalling = Atomic<Bool>(false)
        let watcher = Task {
            if (try? await server.wait(for: "seen", timeout: 60)) == true { stalling.store(true, ordering: .sequentiallyConsistent) }
        }
        let output = try await sandbox.runner.run(["repl"], input: "run --env qa --task qa-001\nbank stats\n") {
            stalling.load(ordering: .sequentiallyConsistent)
        }
        watcher.cancel()
        #expect(output.status == 1, "the interrupted command failed, the REPL did not die: stderr \(output.stderr)")
        #expect(output.stderr.contains("Cancelled"))
        #expect(output.stdout.contains("■ cancelled"))
        #expect(output.stdout.contains("runs         1 (cancelled 1)"), "bank stats ran after the interrupt: \(output.stdout)")
        #expect(try await server.wait(for: "closed", timeout: 10))
        let bank = try Bank(path: sandbox.bankPath)
        defer { try? bank.close() }
        #expect(try bank.runs().map(\.status) == [.cancelled])
    }
}

import BankStore
import Foundation
import ReasoningBank
import Synchronization
import Testing
import TestSupport

/// `rbank` against the fake provider server: the real binary, the real libcurl client, nothing beyond 127.0.0.1.
@Suite("rbank with HTTP providers, end to end", .serialized)
struct ProviderRunTests {
    static let key = "sk-ant-api03-E2ESECRETKEY0123456789abcdef"

    private func sandbox(_ server: FakeProviderServer, extra: [String: String] = [:]) throws -> Sandbox {
        var environment = [
            "LLM_PROVIDER": "anthropic", "ANTHROPIC_API_KEY": Self.key, "ANTHROPIC_BASE_URL": server.url().absoluteString,
            "LLM_MAX_RETRIES": "1", "LOG_LEVEL": "trace",
        ]
        environment.merge(extra) { $1 }
        return try Sandbox(extraEnvironment: environment)
    }

    @Test("scripts/try-providers.sh completes a run and a 5-task bench with every provider")
    func tryProvidersScript() async throws {
        let folder = try TemporaryDirectory(prefix: "rbank-try")
        defer { folder.remove() }
        let runner = BinaryRunner(
            workingDirectory: ProjectFiles.root, environment: ["RBANK_BIN": BinaryRunner.binary.path, "TMPDIR": folder.url.path])
        let output = try await runner.run(["-c", "exec bash scripts/try-providers.sh"], executable: URL(fileURLWithPath: "/bin/sh"), timeout: 600)
        #expect(output.status == 0, "stdout: \(output.stdout)\nstderr: \(output.stderr)")
        for provider in ["anthropic", "openai", "gemini", "ollama", "llama.cpp", "vllm"] {
            #expect(output.stdout.contains("== \(provider)"))
        }
        #expect(output.stdout.contains("all providers completed a run and a bench"))
        #expect(!output.stdout.contains("✗"))
    }

    @Test("Ctrl-C during a streaming call closes the connection (the server sees it) and the run is recorded as cancelled")
    func cancelDuringStream() async throws {
        let server = try await FakeProviderServer.start()
        defer { server.stop() }
        try await server.inject(#"{"kind":"stall","after_chunks":2}"#)
        let sandbox = try sandbox(server)
        defer { sandbox.folder.remove() }
        let stalling = Atomic<Bool>(false)
        let watcher = Task {
            if (try? await server.wait(for: "seen", timeout: 60)) == true { stalling.store(true, ordering: .sequentiallyConsistent) }
        }
        let output = try await sandbox.runner.run(["run", "--env", "qa", "--task", "qa-001"]) {
            stalling.load(ordering: .sequentiallyConsistent)
        }
        watcher.cancel()
        #expect(output.status == 130, "stdout: \(output.stdout)\nstderr: \(output.stderr)")
        #expect(try await server.wait(for: "closed", timeout: 10))
        #expect(try await server.requests().first?.clientClosed == true)
        let bank = try Bank(path: sandbox.bankPath)
        defer { try? bank.close() }
        let runs = try bank.runs()
        #expect(runs.count == 1)
        #expect(runs.first?.status == .cancelled)
    }

    @Test("an overloaded provider ends the run as error (not a judged failure) with a message naming the provider")
    func infrastructureFailureIsAnError() async throws {
        let server = try await FakeProviderServer.start()
        defer { server.stop() }
        try await server.inject(#"{"kind":"status","status":529}"#, #"{"kind":"status","status":529}"#)
        let sandbox = try sandbox(server)
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["run", "--env", "qa", "--task", "qa-001", "--json"])
        #expect(output.status == 1)
        let report = try sandbox.json(output.stdout)
        #expect(report["status"] as? String == "error")
        #expect((report["error"] as? String)?.contains("Anthropic: HTTP 529 overloaded_error") == true, "\(report)")
        #expect((report["extracted_items"] as? [Any])?.isEmpty ?? true)
        #expect(try await server.requests().count == 2)
    }

    @Test("the API key appears in no output, log, run record, bank file, export or error message")
    func keyNeverLeaks() async throws {
        let server = try await FakeProviderServer.start()
        defer { server.stop() }
        let sandbox = try sandbox(server)
        defer { sandbox.folder.remove() }
        var outputs: [BinaryRunner.Output] = []
        // A good run (items stored), a retried 429, a server error that echoes the key, a rejected key.
        outputs.append(try await sandbox.run(["run", "--env", "qa", "--task", "qa-001", "--json"]))
        try await server.inject(#"{"kind":"status","status":429,"retry_after_ms":"10"}"#)
        outputs.append(try await sandbox.run(["run", "--env", "qa", "--task", "qa-002"]))
        try await server.inject(#"{"kind":"echo_key"}"#)
        outputs.append(try await sandbox.run(["run", "--env", "qa", "--task", "qa-003", "--json"]))
        try await server.inject(#"{"kind":"echo_key"}"#)
        outputs.append(try await sandbox.run(["run", "--env", "qa", "--task", "qa-004"]))
        outputs.append(try await sandbox.run(["bench", "--env", "qa", "--limit", "2", "--json"]))
        let seed = sandbox.folder.path("export.json")
        let official = sandbox.folder.path("export.jsonl")
        outputs.append(try await sandbox.run(["bank", "export", "--format", "seed-json", seed.path]))
        outputs.append(try await sandbox.run(["bank", "export", "--format", "official-jsonl", official.path]))
        outputs.append(try await sandbox.run(["bank", "list"]))
        outputs.append(try await sandbox.run(["bank", "stats"]))
        outputs.append(try await sandbox.run(["config"]))
        outputs.append(try await sandbox.run(["config", "--json"]))
        let echoed = outputs[2]
        #expect(echoed.stdout.contains("[redacted]"), "the echoed key should show as redacted: \(echoed.stdout)")

        let bank = try Bank(path: sandbox.bankPath)
        let runs = try bank.runs()
        for summary in runs {
            outputs.append(try await sandbox.run(["bank", "show", summary.id]))
        }
        try bank.close()
        #expect(runs.count >= 4)

        let secretFragment = "E2ESECRETKEY"
        for (index, output) in outputs.enumerated() {
            #expect(!(output.stdout + output.stderr).contains(secretFragment), "output \(index) leaks the key")
        }
        // Every file the sandbox holds: the bank (and its WAL), the log, the exports.
        let files = try FileManager.default.subpathsOfDirectory(atPath: sandbox.folder.url.path)
        #expect(files.contains("rbank.log"))
        #expect(files.contains { $0.hasPrefix("bank.sqlite") })
        for file in files {
            let url = sandbox.folder.url.appendingPathComponent(file)
            guard let data = try? Data(contentsOf: url) else { continue }
            #expect(data.range(of: Data(secretFragment.utf8)) == nil, "\(file) contains the key")
        }
        let log = try String(contentsOf: sandbox.folder.path("rbank.log"), encoding: .utf8)
        #expect(log.contains("retrying"))
    }
}

import BankStore
import Foundation
import ReasoningBank
import TestSupport
import Testing

/// Drives the real `rbank` binary from the repository root, with a bank in a temporary folder.
struct Sandbox {
    let folder: TemporaryDirectory
    let runner: BinaryRunner

    init(extraEnvironment: [String: String] = [:]) throws {
        folder = try TemporaryDirectory(prefix: "rbank-e2e")
        var environment = [
            "MEMORY_BANK_PATH": folder.path("bank.sqlite").path,
            "LOG_FILE": folder.path("rbank.log").path,
            "HOME": folder.url.path,
            // Python finds packages installed with `pip install --user` (the bridge's adapters) from the
            // real home, not the sandbox's.
            "PYTHONUSERBASE": ProcessInfo.processInfo.environment["PYTHONUSERBASE"]
                ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local").path,
        ]
        environment.merge(extraEnvironment) { $1 }
        runner = BinaryRunner(workingDirectory: ProjectFiles.root, environment: environment)
    }

    var bankPath: String { folder.path("bank.sqlite").path }

    func run(_ arguments: [String]) async throws -> BinaryRunner.Output { try await runner.run(arguments) }

    func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }
}

@Suite("rbank run, end to end", .serialized)
struct RunCommandTests {
    @Test("run --json prints one object with trajectory, verdict, ground truth and stored ids; bank show shows provenance")
    func runJSONThenShow() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["run", "--env", "qa", "--task", "qa-001", "--json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let report = try sandbox.json(output.stdout)
        #expect(report["status"] as? String == "failure" || report["status"] as? String == "success")
        let model = try #require(report["model"] as? [String: Any])
        #expect(model["simulation"] as? Bool == true)
        #expect((model["note"] as? String)?.contains("simulated") == true)
        let steps = try #require(report["trajectory"] as? [[String: Any]])
        #expect(!steps.isEmpty)
        #expect(steps[0]["action"] as? String != nil)
        let verdict = try #require(report["verdict"] as? [String: Any])
        #expect(verdict["status"] as? String != nil)
        let truth = try #require(report["ground_truth"] as? [String: Any])
        #expect(truth["expected"] as? String == "3")
        let items = try #require(report["extracted_items"] as? [[String: Any]])
        let stored = try #require(report["stored_item_ids"] as? [String])
        #expect(!items.isEmpty)
        #expect(items.compactMap { $0["id"] as? String } == stored)
        let prompts = try #require(report["prompt_set"] as? [String: Any])
        #expect((prompts["file_hashes"] as? [String: String])?.count == PromptFile.allCases.count)

        let runID = try #require(report["run_id"] as? String)
        let show = try await sandbox.run(["bank", "show", stored[0]])
        #expect(show.status == 0, "stderr: \(show.stderr)")
        #expect(show.stdout.contains(stored[0]))
        #expect(show.stdout.contains("run        \(runID)"))
        #expect(show.stdout.contains("task       qa-001"))
        let byRun = try await sandbox.run(["bank", "show", String(runID.prefix(8))])
        #expect(byRun.status == 0)
        #expect(stored.allSatisfy { byRun.stdout.contains($0) })
    }

    @Test("the suite twice: the second pass retrieves memories from the first, and no task retrieves its own experience")
    func suiteTwice() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["run", "--env", "qa", "--all", "--passes", "2", "--json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let reports = try output.stdout.split(separator: "\n").map { try sandbox.json(String($0)) }
        let perPass = reports.count / 2
        #expect(perPass >= 40)
        #expect(reports.count == perPass * 2)
        let firstPassExperiences = Set(reports.prefix(perPass).compactMap { $0["experience_id"] as? String })

        // Check the bank's own retrieval logs, not only what the command printed.
        let bank = try Bank(path: sandbox.bankPath)
        var secondPassFromFirst = 0
        for (index, report) in reports.enumerated() {
            let runID = try #require(report["run_id"] as? String)
            let task = try #require(report["task"] as? [String: Any])
            let taskID = try #require(task["id"] as? String)
            let logs = try bank.retrievalLogs(runID: runID)
            let record = try #require(try bank.run(id: runID))
            for hit in record.retrieval.hits { #expect(hit.taskID != taskID, "run \(runID) of \(taskID) retrieved its own task") }
            if index >= perPass {
                #expect(!logs.isEmpty, "second-pass run \(runID) retrieved nothing")
                if record.retrieval.hits.contains(where: { firstPassExperiences.contains($0.experienceID) }) { secondPassFromFirst += 1 }
            }
        }
        #expect(secondPassFromFirst > perPass / 2)
        try bank.close()
    }

    @Test("an unknown task id and a bad setting give clear errors and a non-zero exit")
    func clearErrors() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let missing = try await sandbox.run(["run", "--env", "qa", "--task", "qa-999"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("No task \"qa-999\""))
        let bad = try await sandbox.run(["run", "--env", "qa", "--task", "qa-001", "--top-k", "zero"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("TOP_K_RETRIEVAL"))
        let env = try await sandbox.run(["run", "--env", "moon", "--task", "x"])
        #expect(env.stderr.contains("Unknown environment \"moon\""))
    }

    @Test("with a provider key set, config redacts it and nothing prints it")
    func secretsStayHidden() async throws {
        let secret = "sk-ant-api03-SECRETSECRETSECRETSECRET0123456789"
        // The base URL is a closed local port: the run must fail to connect, never reach the internet.
        let sandbox = try Sandbox(extraEnvironment: [
            "ANTHROPIC_API_KEY": secret, "ANTHROPIC_BASE_URL": "http://127.0.0.1:9", "LLM_MAX_RETRIES": "0",
        ])
        defer { sandbox.folder.remove() }
        let config = try await sandbox.run(["config"])
        #expect(config.status == 0)
        #expect(config.stdout.contains("ANTHROPIC_API_KEY"))
        #expect(!config.stdout.contains("SECRET"))
        let run = try await sandbox.run(["run", "--env", "qa", "--task", "qa-001"])
        #expect(run.status != 0)
        #expect(!(run.stdout + run.stderr).contains("SECRET"))
        #expect((run.stdout + run.stderr).contains("Anthropic: request failed: could not connect"))
        #expect((run.stdout + run.stderr).contains("ANTHROPIC_BASE_URL"))
        let log = (try? String(contentsOf: sandbox.folder.path("rbank.log"), encoding: .utf8)) ?? ""
        #expect(!log.contains("SECRET"))
    }

    @Test("without a key the offline model is used and labelled as a simulation")
    func offlineByDefault() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["run", "--env", "qa", "--task", "qa-002"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("(simulation)"))
        #expect(output.stdout.contains("not an LLM"))
        let config = try await sandbox.run(["config"])
        #expect(config.stdout.contains("offline simulation"))
    }
}

@Suite("rbank run --env shop, end to end")
struct ShopRunCommandTests {
    @Test("a shop run prints each step's thought, action and the page it led to")
    func followable() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.folder.remove() }
        let output = try await sandbox.run(["run", "--env", "shop", "--task", "shop-007"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let text = output.stdout
        #expect(text.contains("env shop"))
        #expect(text.contains("step 1"))
        #expect(text.contains("step 2"))
        #expect(text.contains("thought:"))
        #expect(text.contains("action:      fill("))
        #expect(text.contains("observation: Title:"))
        #expect(text.contains("URL: http://shop.local/"))
        #expect(text.contains("ground truth:"))
        #expect(text.contains("(simulation)"))
    }
}

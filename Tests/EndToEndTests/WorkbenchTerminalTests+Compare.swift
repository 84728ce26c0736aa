import BankStore
import Foundation
import ReasoningBank
import Testing
import TestSupport

/// The Compare screen in the real binary: a MaTTS parallel run and a memory-vs-none comparison, driven
/// by keys in tmux, and the runs they recorded read back from the bank.
extension WorkbenchTerminalTests {
    /// Runs `body`, whose tmux calls block while they poll, on a Dispatch thread instead of Swift's
    /// cooperative pool.
    private static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// The screen's line that contains `text`, or "".
    private static func line(_ screen: String, containing text: String) -> String {
        screen.split(separator: "\n").first { $0.contains(text) }.map(String.init) ?? ""
    }

    @Test("Compare screen: a parallel k=3 run shows three columns, the selector's choice and the contrastive memories; then a task with memory and without")
    func compareScreen() async throws {
        let workspace = try await Workspace()
        defer { workspace.folder.remove() }
        let tmux = try workspace.start(["--env", "shop"], width: 120, height: 40)
        defer { tmux.kill() }

        let parallel = try await Self.offPool {
            try tmux.waitFor("Offline simulation")
            try tmux.sendKeys("4")
            try tmux.waitFor("No comparison yet")
            try tmux.sendKeys("p")
            try tmux.waitFor("MaTTS parallel k=3 · pick a task")
            try tmux.sendKeys("Enter")  // shop-001, the first task
            return try tmux.waitUntil("the run's end, the selector's choice and the stored contrastive memories", timeout: 60) {
                $0.contains("MaTTS parallel k=3 ended") && $0.contains("chosen by the model") && $0.contains("Contrastive memories")
                    && $0.contains("stored as m-")
            }
        }
        for title in ["Trajectory 1", "Trajectory 2", "Trajectory 3"] { #expect(parallel.contains(title)) }
        #expect(parallel.contains("★ selector's choice"))
        #expect(parallel.contains("◆ pass@1"))
        #expect(parallel.contains("Outcome · MaTTS parallel k=3 · shop-001"))
        #expect(Self.line(parallel, containing: "rbank ·").contains("SIMULATION"), "the top bar says the model is a simulation")

        // The bank recorded the MaTTS run (read by the CLI while the workbench has the bank open).
        let runner = BinaryRunner(workingDirectory: ProjectFiles.root, environment: ["LOG_FILE": workspace.folder.path("cli.log").path])
        let stats = try await runner.run(["bank", "stats", "--bank", workspace.bank.path])
        #expect(stats.status == 0)
        #expect(Self.line(stats.stdout, containing: "runs").contains("1 ("), "\(stats.stdout)")

        let memory = try await Self.offPool {
            try tmux.sendKeys("m")
            try tmux.waitFor("With memory and without · pick a task")
            try tmux.sendText("shop-003")
            try tmux.sendKeys("Enter")
            return try tmux.waitUntil("both sides' verdicts", timeout: 60) {
                $0.contains("Memory vs none: with memory") && Self.line($0, containing: "with memory  ").contains("truth ")
                    && Self.line($0, containing: "without memory  ").contains("truth ")
            }
        }
        #expect(memory.contains("With memory") && memory.contains("Without memory"))
        #expect(memory.contains("memory reasoningbank"))
        #expect(memory.contains("memory none"))
        #expect(memory.contains("Outcome · memory vs none · shop-003"))

        let exit = try await Self.offPool {
            try tmux.sendKeys("q")
            return try tmux.waitFor("EXIT=", timeout: 20)
        }
        #expect(exit.contains("EXIT=0"))

        // Three runs: the MaTTS run with its three attempts and the selector's choice, and one run per side.
        let bank = try Bank(path: workspace.bank.path)
        defer { try? bank.close() }
        let runs = try bank.runs()
        #expect(runs.count == 3)
        let records = try runs.compactMap { try bank.run(id: $0.id) }
        let matts = try #require(records.first { $0.scaling != nil })
        #expect(matts.task.id == "shop-001")
        #expect(matts.scaling?.mode == .parallel)
        #expect(matts.scaling?.attempts.count == 3)
        #expect(matts.scaling?.selection?.byModel == true)
        #expect(!matts.storedItemIDs.isEmpty)
        let sides = records.filter { $0.scaling == nil }
        #expect(Set(sides.map(\.memoryMode)) == [.reasoningbank, MemoryMode.none])
        #expect(sides.allSatisfy { $0.task.id == "shop-003" && $0.groundTruth != nil })
    }
}

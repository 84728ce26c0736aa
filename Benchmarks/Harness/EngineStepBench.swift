import ArgumentParser
import BankStore
import Foundation
import OfflineModels
import ReasoningBank

/// `rbank-bench engine`: the engine's own time per ReAct step with a zero-latency model and environment.
struct EngineStepBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Engine seconds per step (instant model and environment, SQLite bank of --experiences, hashing-384).")

    @Option(help: "Experiences in the bank before the runs.") var experiences = 10_000
    @Option(help: "Runs timed (after one warm-up run).") var runs = 20
    @Option(help: "Steps per run.") var steps = 10
    @Option(help: "A folder for the bank.") var folder: String

    func run() async throws {
        let path = folder + "/engine-\(experiences).sqlite"
        if !FileManager.default.fileExists(atPath: path) { try await SyntheticBank.build(at: path, count: experiences) }
        let bank = try Bank(path: path)
        let loop = ClosedLoop(
            models: ModelRoles(all: InstantModel()), embedder: HashingEmbedder(), environment: InstantEnvironment(steps: steps),
            store: bank, prompts: try Self.prompts(), settings: LoopSettings())
        _ = try await loop.runToCompletion(TaskSpec(id: "warm-up", query: "Warm up the bench", environment: "instant"))
        var total = 0
        let start = now()
        for number in 0..<runs {
            let record = try await loop.runToCompletion(
                TaskSpec(id: "engine-\(number)", query: "Find the value of item \(number) on the table", environment: "instant"))
            total += record.trajectory.steps.count
        }
        let seconds = now() - start
        try printJSON(["seconds_per_step": seconds / Double(max(1, total)), "steps": total, "runs": runs, "experiences": experiences])
    }

    /// The default prompt set, read from `data/prompts/default`.
    static func prompts() throws -> PromptSet {
        let folder = URL(fileURLWithPath: "data/prompts/default")
        var templates: [PromptFile: String] = [:]
        for file in PromptFile.allCases {
            templates[file] = try String(contentsOf: folder.appendingPathComponent(file.rawValue), encoding: .utf8)
        }
        return try PromptSet(info: PromptSetInfo(name: "default", location: folder.path, fileHashes: [:]), templates: templates)
    }
}

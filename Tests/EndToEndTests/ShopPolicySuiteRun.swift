import Environments
import Foundation
import OfflineModels
import ReasoningBank
import TestSupport

/// One memory mode's run of the whole shop suite with the offline simulation, in process.
struct ShopPolicySuiteRun: Sendable {
    var mode: MemoryMode
    var records: [RunRecord]

    var successes: Int { records.filter { $0.groundTruth?.success ?? false }.count }
    var successRate: Double { records.isEmpty ? 0 : Double(successes) / Double(records.count) }
    var averageSteps: Double {
        records.isEmpty ? 0 : Double(records.reduce(0) { $0 + $1.trajectory.steps.count }) / Double(records.count)
    }
    var judgeAgreement: Double {
        let agreed = records.filter { record in
            guard let truth = record.groundTruth, let status = record.verdict?.status else { return false }
            return truth.success == (status == .success)
        }.count
        return records.isEmpty ? 0 : Double(agreed) / Double(records.count)
    }

    var summary: String {
        String(
            format: "%@: success %.1f%% (%d/%d), avg steps %.2f, judge agreement %.1f%%", mode.rawValue, successRate * 100,
            successes, records.count, averageSteps, judgeAgreement * 100)
    }

    /// Runs the suite of `ShopWorld(seed: 0)` under `mode` with a fresh in-memory bank.
    static func run(mode: MemoryMode, seed: UInt64 = 0, limit: Int? = nil) async throws -> ShopPolicySuiteRun {
        let world = ShopWorld(seed: 0)
        var settings = LoopSettings()
        settings.memoryMode = mode
        let loop = ClosedLoop(
            models: ModelRoles(all: SimulatedModel(seed: seed)), embedder: HashingEmbedder(), environment: world,
            store: InMemoryMemoryStore(), prompts: try ProjectFiles.defaultPrompts(), settings: settings)
        var tasks = try await world.tasks()
        if let limit { tasks = Array(tasks.prefix(limit)) }
        var records: [RunRecord] = []
        for task in tasks { records.append(try await loop.runToCompletion(task)) }
        return ShopPolicySuiteRun(mode: mode, records: records)
    }
}

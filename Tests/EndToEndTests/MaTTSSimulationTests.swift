import Environments
import Foundation
import OfflineModels
import ReasoningBank
import TestSupport
import Testing

/// MaTTS with the offline simulation on the shop world, in process: the simulation must give the
/// scaling something to work with (samples that differ, rounds that read the check prompt) and answer
/// the selector and the self-contrast extractor in their formats.
@Suite("MaTTS with the offline simulation")
struct MaTTSSimulationTests {
    private func matts(_ mode: ScalingMode, k: Int) throws -> (MaTTS, ShopWorld) {
        let world = ShopWorld(seed: 0)
        let loop = ClosedLoop(
            models: ModelRoles(all: SimulatedModel(seed: 0)), embedder: HashingEmbedder(), environment: world,
            store: InMemoryMemoryStore(), prompts: try ProjectFiles.defaultPrompts(), settings: LoopSettings())
        return (MaTTS(loop: loop, scaling: ScalingSettings(mode: mode, k: k)), world)
    }

    @Test("parallel: samples explore differently, extraction keeps at most five parsed items, the selector always chooses")
    func parallelOnShop() async throws {
        let (matts, world) = try matts(.parallel, k: 4)
        let tasks = Array(try await world.tasks().prefix(16))
        var disagreements = 0
        for task in tasks {
            let record = try await matts.run(task) { _ in }
            let scaling = try #require(record.scaling)
            #expect(record.status != .error, "\(record.errorMessage ?? "")")
            #expect(scaling.attempts.count == 4)
            #expect(record.extracted.count <= 5)
            #expect(record.extracted.allSatisfy { !$0.title.isEmpty && !$0.content.isEmpty })
            let selection = try #require(scaling.selection)
            #expect(selection.parseFailure == nil, "\(selection.rawResponse)")
            #expect(selection.byModel)
            let truths = Set(scaling.attempts.compactMap { $0.groundTruth?.success })
            if truths.count > 1 { disagreements += 1 }
        }
        #expect(disagreements > 0, "every task's four samples ended alike: the samples do not explore")
    }

    @Test("sequential: later rounds read the check prompt and keep what the earlier round did")
    func sequentialOnShop() async throws {
        let (matts, world) = try matts(.sequential, k: 3)
        let tasks = Array(try await world.tasks().prefix(6))
        for task in tasks {
            let record = try await matts.run(task) { _ in }
            let attempts = try #require(record.scaling?.attempts)
            #expect(attempts.count == 3)
            for round in attempts.dropFirst() {
                let first = try #require(round.trajectory.steps.first)
                #expect(first.thought.contains("Re-examining my previous attempt"), "\(first.thought)")
            }
            #expect(record.scaling?.chosenIndex == 2)
        }
    }
}

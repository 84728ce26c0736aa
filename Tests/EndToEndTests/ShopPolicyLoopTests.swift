import Environments
import Foundation
import OfflineModels
import ReasoningBank
import TestSupport
import Testing

@Suite("Shop policy in the real loop", .serialized)
struct ShopPolicyLoopTests {
    @Test("reasoningbank beats no memory on ground-truth success and on average steps over the suite")
    func memoryHelps() async throws {
        let none = try await ShopPolicySuiteRun.run(mode: .none)
        let bank = try await ShopPolicySuiteRun.run(mode: .reasoningbank)
        print("[shop policy] " + none.summary)
        print("[shop policy] " + bank.summary)
        #expect(none.records.count >= 60)
        #expect(none.successRate >= 0.25 && none.successRate <= 0.5, "\(none.summary)")
        #expect(bank.successRate > none.successRate, "\(none.summary) / \(bank.summary)")
        #expect(bank.averageSteps < none.averageSteps, "\(none.summary) / \(bank.summary)")
    }

    @Test("every mode completes the suite: every episode ends with a message within the step budget, every answer parses")
    func allModesParse() async throws {
        for mode in [MemoryMode.synapse, .awm] {
            let run = try await ShopPolicySuiteRun.run(mode: mode)
            print("[shop policy] " + run.summary)
            for record in run.records {
                #expect(record.status == .success || record.status == .failure, "\(record.task.id) \(record.status)")
                #expect(record.trajectory.steps.allSatisfy { $0.parseFailure == nil }, "\(record.task.id)")
                #expect(record.trajectory.finalAnswer != nil, "\(record.task.id) ended without a message")
                #expect(record.trajectory.steps.count <= 30)
                #expect(record.verdict?.parseFailure == nil)
            }
        }
    }

    @Test("same seed, same results")
    func deterministic() async throws {
        let first = try await ShopPolicySuiteRun.run(mode: .reasoningbank, limit: 24)
        let second = try await ShopPolicySuiteRun.run(mode: .reasoningbank, limit: 24)
        #expect(first.records.map(\.trajectory.transcript) == second.records.map(\.trajectory.transcript))
        #expect(first.records.map { $0.verdict?.rawResponse } == second.records.map { $0.verdict?.rawResponse })
        #expect(first.records.map(\.extracted) == second.records.map(\.extracted))
    }
}

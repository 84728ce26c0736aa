import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("Engine events fold into the live run")
struct EngineFoldingTests {
    @Test("started, retrieved, deltas and steps build the trajectory; a step ends the stream")
    func fold() {
        var state = Sample.state()
        Scenario.press(&state, .character("2"))
        Scenario.send(&state, [.engine(.started(Sample.record()))])
        #expect(state.screen == .run, "a run brings its screen forward")
        #expect(state.run.live?.record.id == "r-b0711e7b2aab")
        #expect(state.run.isRunning)
        Scenario.send(&state, [.engine(.retrieved(Sample.retrieval, injected: [Sample.sortItem]))])
        #expect(state.run.live?.injected == [Sample.sortItem])
        #expect(state.run.live?.hasRetrieved == true)
        Scenario.send(&state, [.engine(.modelDelta(.agent, "Thought: I ")), .engine(.modelDelta(.agent, "open it."))])
        #expect(state.run.live?.streaming == "Thought: I open it.")
        #expect(state.run.live?.streamingPurpose == .agent)
        Scenario.send(&state, [.engine(.step(Sample.steps[0]))])
        #expect(state.run.live?.steps == [Sample.steps[0]])
        #expect(state.run.live?.streaming == "")
        Scenario.send(&state, [.engine(.modelDelta(.judge, "Status: "))])
        #expect(state.run.live?.streamingPurpose == .judge)
        Scenario.send(&state, [.engine(.modelDelta(.extractSuccess, "# Memory Item 1"))])
        #expect(state.run.live?.streaming == "# Memory Item 1", "a new purpose starts a new stream")
    }

    @Test("verdict, ground truth, extraction and consolidation are kept; finishing refreshes runs and bank")
    func finish() {
        var state = Scenario.runMidRun(Size(width: 80, height: 24))
        Scenario.send(&state, [.itemsLoaded(Sample.bankItems, scores: [:])])
        Scenario.send(&state, [.engine(.judged(Sample.verdict, Sample.truth))])
        #expect(state.run.live?.record.verdict == Sample.verdict)
        #expect(state.run.live?.record.groundTruth == Sample.truth)
        #expect(state.run.live?.record.judgeAgreesWithGroundTruth == true)
        Scenario.send(&state, [.engine(.extracted(Sample.extracted))])
        #expect(state.run.live?.hasExtracted == true)
        Scenario.send(&state, [.engine(.consolidated(Sample.experience))])
        #expect(state.run.live?.record.storedItemIDs == ["m-277672890ced", "m-6995c348d326"])
        let lines = RunScreenView.extracted(state.run.live, width: 60).map(\.text)
        #expect(lines.contains { $0.contains("✓ stored as m-277672890ced") })
        let effects = Scenario.send(&state, [.engine(.finished(Sample.finishedRecord()))])
        #expect(effects == [.loadRuns, .loadItems(query: "", semantic: false, includeArchived: false)])
        #expect(!state.run.isRunning)
        #expect(state.run.live?.record.status == .success)
        #expect(state.status?.kind == .success)
    }

    @Test("a failed run keeps its error, drops its held gate and the question about it")
    func failed() {
        var state = Scenario.modelCallGate(Size(width: 80, height: 24))
        Scenario.press(&state, .escape)
        #expect(state.overlay == .confirm(.cancelAtGate(ticket: 7)))
        var record = Sample.record(status: .error)
        record.errorMessage = "The model call timed out after 60 s."
        #expect(Scenario.send(&state, [.engine(.failed(record))]) == [.loadRuns])
        #expect(state.gate == nil)
        #expect(state.overlay == nil)
        #expect(state.status?.kind == .failure)
        #expect(state.status?.text.contains("timed out") == true)
        let text = RunScreenView.trajectory(state, width: 60, focused: false).lines.map(\.text)
        #expect(text.contains { $0.contains("■ error") })
        #expect(text.contains { $0.contains("timed out after 60 s") })
    }

    @Test("events without a started run are ignored; a finish alone still shows the run")
    func orphanEvents() {
        var state = Sample.state()
        Scenario.send(&state, [.engine(.step(Sample.steps[0])), .engine(.modelDelta(.agent, "x"))])
        #expect(state.run.live == nil)
        Scenario.send(&state, [.engine(.finished(Sample.finishedRecord()))])
        #expect(state.run.live?.steps.count == 4)
    }

    @Test("a long stream keeps only its tail")
    func streamLimit() {
        var state = Scenario.runMidRun(Size(width: 80, height: 24))
        let piece = String(repeating: "x", count: 1_000)
        for _ in 0..<20 { Scenario.send(&state, [.engine(.modelDelta(.agent, piece))]) }
        #expect(state.run.live?.streaming.count == LiveRun.streamingLimit)
    }

    @Test("the top bar adds the live run's tokens to the session's")
    func liveTokens() {
        let state = Scenario.runMidRun(Size(width: 120, height: 30))
        let text = TopBar.fitted(state, width: 118).text
        let expected = Sample.header.usage.totalTokens + Sample.steps.reduce(0) { $0 + $1.call.usage.totalTokens }
        #expect(text.contains("tokens " + DisplayFormat.count(expected)))
        #expect(text.contains("SIMULATION"))
    }
}

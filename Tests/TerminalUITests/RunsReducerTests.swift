import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("Runs screen: history, benches and an opened run")
struct RunsReducerTests {
    let size = Size(width: 80, height: 24)

    @Test("enter opens the selected run; the loaded run is shown read-only")
    func open() {
        var state = Scenario.runsList(size)
        Scenario.press(&state, .character("j"))
        #expect(Scenario.press(&state, .enter) == [.openRun(id: Sample.summaries[1].id)])
        Scenario.send(&state, [.runLoaded(Sample.finishedRecord())])
        #expect(state.runs.opened == nil, "an answer for another run is ignored")
        state.runs.requestedRunID = nil
        Scenario.send(&state, [.runLoaded(Sample.finishedRecord())])
        #expect(state.runs.opened?.record.id == "r-b0711e7b2aab")
        #expect(state.keyContexts.first == .runDetail)
    }

    @Test("j/k and ]/[ step through the run; esc goes back to the list")
    func stepThrough() {
        var state = Scenario.openedRun(size)
        #expect(state.runs.opened?.step == 1)
        Scenario.press(&state, .character("]"), .character("]"), .character("]"))
        #expect(state.runs.opened?.step == 3)
        Scenario.press(&state, .character("["))
        #expect(state.runs.opened?.step == 2)
        Scenario.press(&state, .character("k"), .character("k"), .character("k"))
        #expect(state.runs.opened?.step == 0)
        Scenario.press(&state, .character("G"))
        #expect(state.runs.opened?.step == 3)
        Scenario.press(&state, .escape)
        #expect(state.runs.opened == nil)
    }

    @Test("an opened run shows its memories, verdict, ground truth and every gate override")
    func openedContent() throws {
        let state = Scenario.openedRun(Size(width: 200, height: 50))
        let opened = try #require(state.runs.opened)
        let memories = OpenedRunView.lines(.memories, opened: opened, width: 80).map(\.text).joined(separator: "\n")
        #expect(memories.contains("0.889"))
        #expect(memories.contains("m-b172d60d0e3f injected"))
        let verdict = OpenedRunView.lines(.verdict, opened: opened, width: 80).map(\.text).joined(separator: "\n")
        #expect(verdict.contains("✓ success"))
        #expect(verdict.contains("the judge agrees"))
        let overrides = OpenedRunView.lines(.overrides, opened: opened, width: 80).map(\.text).joined(separator: "\n")
        for override in opened.record.overrides {
            #expect(overrides.contains(override.gate))
            #expect(overrides.contains(override.summary))
        }
    }

    @Test("tab switches to the benches; enter shows a bench's table")
    func benches() {
        var state = Scenario.runsList(size)
        Scenario.press(&state, .tab)
        #expect(state.runs.focus == .benches)
        #expect(Scenario.press(&state, .enter).isEmpty)
        guard case .output(let title, let text, _) = state.overlay else {
            Issue.record("no bench table")
            return
        }
        #expect(title == "bench b-7d41c09e2f10")
        #expect(text.contains("reasoningbank"))
        #expect(text.contains("86%"))
        Scenario.press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test("R reloads; a new list keeps the selection on the same run")
    func reload() {
        var state = Scenario.runsList(size)
        #expect(Scenario.press(&state, .character("R")) == [.loadRuns])
        Scenario.press(&state, .character("j"), .character("j"))
        Scenario.send(&state, [.runsLoaded(Array(Sample.summaries.reversed()), [])])
        #expect(state.runs.selectedRun?.id == Sample.summaries[2].id)
    }

    @Test("tab focuses the side panes of an opened run, which scroll on their own")
    func openedPanes() {
        var state = Scenario.openedRun(size)
        Scenario.press(&state, .tab, .tab)
        #expect(state.runs.opened?.focus == .verdict)
        Scenario.press(&state, .character("j"))
        #expect(state.runs.opened?.paneScroll[.verdict] == 1)
        #expect(state.runs.opened?.step == 1)
    }
}

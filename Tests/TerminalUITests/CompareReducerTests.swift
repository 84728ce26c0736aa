import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("The Compare screen folds MaTTS runs and memory comparisons, and starts them from keys")
struct CompareReducerTests {
    static let size = Size(width: 80, height: 24)

    // MARK: Folding a MaTTS run

    @Test("a MaTTS run's start brings the Compare screen with k columns; the Run screen is untouched")
    func scalingStart() throws {
        var state = Scenario.runIdle(Self.size)
        Scenario.send(&state, [.engine(.started(Sample.scalingRecord(.parallel, k: 3)))])
        #expect(state.screen == .compare)
        #expect(state.run.live == nil, "a MaTTS run is not the Run screen's run")
        let comparison = try #require(state.compare.comparison)
        #expect(comparison.kind == .scaling(.parallel, k: 3))
        #expect(comparison.columns.map(\.title) == ["Trajectory 1", "Trajectory 2", "Trajectory 3"])
        #expect(comparison.columns.allSatisfy { !$0.hasStarted })
        #expect(state.compare.isRunning)
        #expect(state.isBusy)
    }

    @Test("attempt events fold into their own column; the run's own events into the whole")
    func attemptsFold() throws {
        let state = Scenario.compareParallelMidStream(Self.size)
        let comparison = try #require(state.compare.comparison)
        let columns = comparison.columns
        #expect(columns[0].live?.steps == [Sample.steps[0], Sample.steps[1]])
        #expect(columns[0].live?.streaming == "Thought: The first product is now the best rated. I open it.\nAction: cli")
        #expect(columns[0].live?.streamingPurpose == .agent)
        #expect(columns[0].isRunning)
        #expect(columns[1].live?.steps == [Sample.steps[0]])
        #expect(columns[2].status == .success, "trajectory 3 ended")
        #expect(columns[2].live?.record.trajectory.finalAnswer == "Done")
        #expect(columns[2].live?.record.groundTruth == Sample.truth)
        #expect(comparison.main?.injected == [Sample.sortItem, Sample.messageItem], "retrieval belongs to the whole run")
        #expect(comparison.endedCount == 1)
        #expect(comparison.chosenIndex == nil)
        #expect(state.run.live == nil)
        let text = CompareScreenView.columnBody(comparison, index: 0, width: 40).map(\.text)
        #expect(text.contains("● agent · streaming"))
        #expect(text.contains { $0.contains("I open it.") })
    }

    @Test("the selector's choice, pass@1 and the contrastive memories arrive; the end refreshes runs and bank")
    func scalingFinish() throws {
        var state = Scenario.compareParallelMidStream(Self.size)
        Scenario.send(&state, [.itemsLoaded(Sample.bankItems, scores: [:])])
        let rest = Array(Sample.scalingEventsFinished().dropFirst(Sample.scalingEventsMidStream().count))
        let effects = Scenario.send(&state, rest.map(AppMessage.engine))
        #expect(effects == [.loadRuns, .loadItems(query: "", semantic: false, includeArchived: false)])
        let comparison = try #require(state.compare.comparison)
        #expect(!comparison.isRunning)
        #expect(comparison.selection == Sample.selection)
        #expect(comparison.chosenIndex == 2)
        #expect(comparison.passAtOneIndex == 1)
        #expect(comparison.log?.passAtOneSuccess == false)
        #expect(comparison.main?.record.extracted == Sample.contrastive)
        #expect(comparison.main?.consolidated == Sample.contrastiveExperience)
        #expect(comparison.columns.map(\.status) == [.success, .success, .success])
        #expect(state.status?.kind == .success)
        #expect(state.status?.text.contains("trajectory 3 chosen") == true)
        let outcome = CompareScreenView.outcome(state, width: 76).map(\.text).joined(separator: "\n")
        #expect(outcome.contains("selector  trajectory 3, chosen by the model"))
        #expect(outcome.contains("fewest actions"))
        #expect(outcome.contains("pass@1    trajectory 2 (seeded random) · truth ✗ failure"))
        #expect(outcome.contains("✓ stored as m-3b9e0f6a2c71"))
        #expect(outcome.contains("truth     1 ✓ · 2 ✗ · 3 ✓"))
    }

    @Test("the judge fooled on one trajectory shows as a disagreement in its column")
    func disagreement() throws {
        let comparison = try #require(Scenario.compareParallelFinished(Self.size).compare.comparison)
        let header = CompareScreenView.columnHeader(comparison, index: 1, width: 40).map(\.text)
        #expect(header.contains("judge ✓ · truth ✗ · disagree"))
        #expect(header.contains("◆ pass@1"))
        let chosen = CompareScreenView.columnHeader(comparison, index: 2, width: 40)
        #expect(chosen[2].text == "★ selector's choice")
        #expect(chosen[2].highlight == .selection, "the choice is highlighted")
        let narrow = CompareScreenView.columnHeader(comparison, index: 1, width: 18).map(\.text)
        #expect(narrow.contains("judge ✓ · truth ✗ ≠"))
    }

    @Test("sequential: later rounds wait, a round that breaks keeps its error, the last finished round is final")
    func sequential() throws {
        var state = Scenario.compareIdle(Self.size)
        Scenario.send(&state, [.engine(.started(Sample.scalingRecord(.sequential, k: 3)))])
        var comparison = try #require(state.compare.comparison)
        #expect(comparison.columns.map(\.title) == ["Round 1", "Round 2", "Round 3"])
        #expect(CompareScreenView.columnHeader(comparison, index: 1, width: 30)[0].text == "○ waits for round 1")
        state = Scenario.compareSequential(Self.size)
        comparison = try #require(state.compare.comparison)
        #expect(comparison.columns.map(\.status) == [.failure, .success, .error])
        #expect(comparison.chosenIndex == 1)
        #expect(comparison.columns[2].live?.record.errorMessage == "The model call timed out after 60 s.")
        #expect(CompareScreenView.columnBody(comparison, index: 2, width: 40).map(\.text).contains("The model call timed out after 60 s."))
        #expect(CompareScreenView.decision(comparison, width: 70).map(\.text).contains("final     round 2, the last round that finished"))
    }

    @Test("a cancelled run ends the columns still running as cancelled")
    func cancelled() throws {
        var state = Scenario.compareParallelMidStream(Self.size)
        var record = Sample.scalingRecord(.parallel, k: 3)
        record.status = .cancelled
        record.errorMessage = "The run was cancelled."
        Scenario.send(&state, [.engine(.failed(record))])
        let comparison = try #require(state.compare.comparison)
        #expect(!state.compare.isRunning)
        #expect(comparison.columns.map(\.status) == [.cancelled, .cancelled, .success])
        #expect(comparison.columns[0].live?.streaming == "")
        #expect(state.status?.kind == .warning)
    }

    @Test("after a MaTTS run, a plain run's events go to the Run screen again")
    func routing() {
        var state = Scenario.compareParallelFinished(Self.size)
        Scenario.send(&state, Sample.events(steps: 2).map(AppMessage.engine))
        #expect(state.screen == .run)
        #expect(state.run.live?.steps.count == 2)
        #expect(state.compare.comparison?.columns[0].live?.steps.count == 4, "the comparison keeps its own steps")
    }

    // MARK: Memory vs none

    @Test("the two sides of a memory comparison fill their columns, interleaved, and end together")
    func memoryComparison() throws {
        var state = Scenario.compareIdle(Self.size)
        let messages = Sample.memoryComparisonMessages()
        let effects = Scenario.send(&state, Array(messages.dropLast()))
        #expect(effects.isEmpty)
        #expect(state.compare.isRunning, "one side is still running")
        #expect(Scenario.send(&state, [messages.last!]) == [.loadRuns])
        let comparison = try #require(state.compare.comparison)
        #expect(comparison.kind == .memoryVsNone)
        #expect(comparison.columns.map(\.title) == ["With memory", "Without memory"])
        #expect(comparison.columns[0].live?.injected.count == 2)
        #expect(comparison.columns[0].live?.record.storedItemIDs.count == 2)
        #expect(comparison.columns[1].live?.record.memoryMode == MemoryMode.none)
        #expect(comparison.columns.map(\.status) == [.success, .failure])
        #expect(state.status?.text == "Memory vs none: with memory ✓ success · without memory ✗ failure.")
        #expect(CompareScreenView.memoryVerdict(comparison) == "Memory helped: only the run with memory succeeded.")
        #expect(CompareScreenView.columnHeader(comparison, index: 0, width: 40)[2].text == "memory reasoningbank · 2 memories")
        #expect(CompareScreenView.columnHeader(comparison, index: 1, width: 40)[2].text == "memory none")
    }

    @Test("a new memory comparison replaces the finished one; events of an unknown side's run are ignored")
    func memoryComparisonAgain() throws {
        var state = Scenario.compareMemory(Self.size)
        Scenario.send(&state, [.memoryComparison(.withoutMemory, .started(Sample.sideRecord(.withoutMemory)))])
        let comparison = try #require(state.compare.comparison)
        #expect(comparison.columns[0].live == nil, "a fresh comparison")
        #expect(comparison.columns[1].isRunning)
        Scenario.send(&state, [.memoryComparison(.withMemory, .step(Sample.steps[0]))])
        #expect(state.compare.comparison?.columns[0].live == nil)
    }

    // MARK: Keys

    @Test("p, s and m pick a task and start the comparison with the screen's k")
    func startKeys() {
        var state = Scenario.compareIdle(Self.size)
        Scenario.press(&state, .character("p"))
        #expect(state.overlay == .taskPicker(TaskPicker(purpose: .scaling(.parallel, k: 3))))
        #expect(Scenario.press(&state, .enter) == [.startScaling(taskID: "shop-001", mode: .parallel, k: 3)])
        #expect(state.screen == .compare)
        #expect(state.overlay == nil)
        Scenario.press(&state, .character("+"), .character("+"), .character("s"), .down)
        #expect(Scenario.press(&state, .enter) == [.startScaling(taskID: "shop-002", mode: .sequential, k: 5)])
        Scenario.press(&state, .character("m"))
        Scenario.send(&state, Scenario.keys("kettle"))
        #expect(Scenario.press(&state, .enter) == [.startMemoryComparison(taskID: "shop-002")])
    }

    @Test("k stays within 1…8")
    func kBounds() {
        var state = Scenario.compareIdle(Self.size)
        for _ in 0..<10 { Scenario.press(&state, .character("-")) }
        #expect(state.compare.k == 1)
        #expect(state.status?.kind == .warning)
        for _ in 0..<10 { Scenario.press(&state, .character("=")) }
        #expect(state.compare.k == 8)
        Scenario.press(&state, .character("-"))
        #expect(state.compare.k == 7)
        #expect(state.status?.text.hasPrefix("k = 7") == true)
    }

    @Test("nothing new starts while a comparison runs; esc asks, yes cancels, the end closes the question")
    func cancelKeys() {
        var state = Scenario.compareParallelMidStream(Self.size)
        Scenario.press(&state, .character("p"))
        #expect(state.overlay == nil)
        #expect(state.status?.kind == .warning)
        Scenario.press(&state, .character("1"), .character("r"))
        #expect(state.overlay == nil, "the Run screen does not start a run either")
        Scenario.press(&state, .character("4"), .escape)
        #expect(state.overlay == .confirm(.cancelComparison))
        #expect(Scenario.press(&state, .character("y")) == [.cancelRun])
        Scenario.press(&state, .escape)
        Scenario.send(&state, [.engine(.finished(Sample.finishedScalingRecord()))])
        #expect(state.overlay == nil)
        Scenario.press(&state, .escape)
        #expect(state.overlay == nil, "nothing to cancel once it ended")
    }

    @Test("q while a comparison runs asks first")
    func quitAsks() {
        var state = Scenario.compareParallelMidStream(Self.size)
        #expect(Scenario.press(&state, .character("q")).isEmpty)
        #expect(state.overlay == .confirm(.quit))
    }

    @Test("with more columns than fit, l and h move the cursor and scroll the columns")
    func columnScrolling() {
        var state = Scenario.compareIdle(Self.size)
        Scenario.send(&state, [.engine(.started(Sample.scalingRecord(.parallel, k: 5)))])
        #expect(CompareScreenView.shownColumns(state) == 0..<3)
        Scenario.press(&state, .character("l"), .character("l"))
        #expect(state.compare.cursor == 2)
        #expect(CompareScreenView.shownColumns(state) == 0..<3)
        Scenario.press(&state, .right, .character("l"), .character("l"))
        #expect(state.compare.cursor == 4)
        #expect(CompareScreenView.shownColumns(state) == 2..<5)
        Scenario.press(&state, .character("h"), .character("h"), .left)
        #expect(state.compare.cursor == 1)
        #expect(CompareScreenView.shownColumns(state) == 1..<4)
        let grid = WorkbenchProgram.render(state, size: Self.size, theme: .plain).text
        #expect(grid.contains("◂ Trajectory 2"))
        #expect(grid.contains("Trajectory 4 ▸"))
        #expect(grid.contains("● parallel k=5 · 0/5 ended · 2–4 of 5"))
        Scenario.send(&state, [.resized(Size(width: 200, height: 50))])
        #expect(CompareScreenView.shownColumns(state) == 0..<5, "all fit at 200 columns")
    }

    @Test("j and k scroll the columns from following their ends; G follows again; tab scrolls the outcome")
    func verticalScrolling() {
        var state = Scenario.compareParallelFinished(Self.size)
        let last = CompareScreenView.maxColumnScroll(state)
        #expect(last > 0)
        #expect(state.compare.columnScroll == nil)
        Scenario.press(&state, .character("k"))
        #expect(state.compare.columnScroll == last - 1)
        Scenario.press(&state, .character("g"))
        #expect(state.compare.columnScroll == 0)
        Scenario.press(&state, .character("j"))
        #expect(state.compare.columnScroll == 1)
        Scenario.press(&state, .character("G"))
        #expect(state.compare.columnScroll == nil)
        Scenario.press(&state, .tab, .character("j"), .character("j"))
        #expect(state.compare.focus == .outcome)
        #expect(state.compare.outcomeScroll == 2)
        #expect(state.compare.columnScroll == nil)
    }

    @Test("the top bar counts the comparison's tokens while it runs, and keeps the simulation label")
    func topBar() {
        let state = Scenario.compareParallelMidStream(Size(width: 120, height: 30))
        let text = TopBar.fitted(state, width: 118).text
        let steps = 2 + 1 + 2  // trajectory 1, 2 and 3's steps so far
        let expected = Sample.header.usage.totalTokens + steps * Sample.call("").usage.totalTokens
        #expect(text.contains("tokens " + DisplayFormat.count(expected)))
        #expect(text.contains("SIMULATION"))
        let grid = WorkbenchProgram.render(state, size: Size(width: 80, height: 24), theme: .plain).text
        #expect(grid.split(separator: "\n").first?.contains("SIMULATION") == true)
    }

    @Test("help on the Compare screen lists its keys from the binding table")
    func help() {
        var state = Scenario.compareIdle(Self.size)
        Scenario.press(&state, .character("?"))
        let text = OverlayView.helpLines(state, width: 76).map(\.text).joined(separator: "\n")
        #expect(text.contains("Compare screen"))
        #expect(text.contains("pick a task: k parallel trajectories"))
        #expect(text.contains("+/="))
        #expect(OverlayView.helpTitle(state) == "Compare screen")
    }
}

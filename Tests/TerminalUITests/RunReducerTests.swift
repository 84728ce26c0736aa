import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("Run screen: keys and engine events")
struct RunReducerTests {
    let size = Size(width: 80, height: 24)

    @Test("r opens the task picker and asks for the tasks the first time")
    func pickTask() {
        var state = Sample.state()
        #expect(Scenario.press(&state, .character("r")) == [.loadTasks])
        guard case .taskPicker = state.overlay else { Issue.record("no picker"); return }
        #expect(Scenario.press(&state, .character("x")).isEmpty, "typing filters; a second request is not sent")
        Scenario.press(&state, .escape)
        #expect(Scenario.press(&state, .character("r")).isEmpty, "still waiting for the tasks")
        Scenario.send(&state, [.tasksLoaded(environment: "shop", Sample.tasks)])
        Scenario.press(&state, .escape, .character("r"))
        #expect(state.run.tasksRequested == false)
    }

    @Test("typing in the picker filters the tasks; enter runs the selected one with the step mode")
    func pickerRuns() {
        var state = Scenario.runIdle(size)
        Scenario.press(&state, .character("s"), .character("r"))
        Scenario.send(&state, Scenario.keys("kitchen"))
        guard case .taskPicker(let picker) = state.overlay else { Issue.record("no picker"); return }
        #expect(picker.matches(state.run.tasks).map(\.id) == ["shop-038"])
        #expect(Scenario.press(&state, .enter) == [.startRun(taskID: "shop-038", stepMode: true)])
        #expect(state.overlay == nil)
        #expect(state.screen == .run)
    }

    @Test("the picker moves with arrows and C-n/C-p, and C-u clears the filter")
    func pickerMoves() {
        var state = Scenario.runIdle(size)
        Scenario.press(&state, .character("r"), .down, .control("n"), .control("p"))
        Scenario.send(&state, Scenario.keys("zz"))
        Scenario.press(&state, .control("u"), .down, .down)
        #expect(Scenario.press(&state, .enter) == [.startRun(taskID: "shop-003", stepMode: false)])
    }

    @Test("r during a run does not open the picker")
    func noPickerWhileRunning() {
        var state = Scenario.runMidRun(size)
        #expect(Scenario.press(&state, .character("r")).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status?.kind == .warning)
    }

    @Test("s toggles step mode and tells the host")
    func stepMode() {
        var state = Sample.state()
        #expect(Scenario.press(&state, .character("s")) == [.setStepMode(true)])
        #expect(state.stepMode)
        #expect(Scenario.press(&state, .character("s")) == [.setStepMode(false)])
    }

    @Test("tab and S-tab cycle the panes")
    func focus() {
        var state = Sample.state()
        Scenario.press(&state, .tab)
        #expect(state.run.focus == .memories)
        Scenario.press(&state, .tab, .tab, .tab)
        #expect(state.run.focus == .trajectory)
        Scenario.press(&state, .backTab)
        #expect(state.run.focus == .extracted)
    }

    @Test("j/k move through the steps; reaching the newest follows again; g/G jump")
    func steps() {
        var state = Scenario.runMidRun(size)
        #expect(state.run.selectedStep == nil)
        Scenario.press(&state, .character("k"))
        #expect(state.run.selectedStep == 1)
        Scenario.press(&state, .up, .up, .up)
        #expect(state.run.selectedStep == 0)
        Scenario.press(&state, .character("j"))
        #expect(state.run.selectedStep == 1)
        Scenario.press(&state, .down)
        #expect(state.run.selectedStep == nil)
        Scenario.press(&state, .character("g"))
        #expect(state.run.selectedStep == 0)
        Scenario.press(&state, .character("G"))
        #expect(state.run.selectedStep == nil)
    }

    @Test("page keys scroll the trajectory within bounds")
    func pages() {
        var state = Scenario.runMidRun(size)
        for _ in 0..<20 { Scenario.press(&state, .control("u")) }
        let interior = RunScreenView.paneInterior(.trajectory, state: state)
        let text = RunScreenView.trajectory(state, width: interior?.width ?? 0, focused: true)
        #expect(RunScreenView.trajectoryOffset(state.run, text: text, visible: interior?.height ?? 0) == 0)
        for _ in 0..<20 { Scenario.press(&state, .pageDown) }
        let offset = RunScreenView.trajectoryOffset(state.run, text: text, visible: interior?.height ?? 0)
        #expect(offset == max(0, text.lines.count - (interior?.height ?? 0)))
    }

    @Test("enter unfolds and folds the selected step's observation")
    func unfold() {
        var state = Scenario.runMidRun(size)
        Scenario.press(&state, .character("k"), .character("k"))
        let width = RunScreenView.paneInterior(.trajectory, state: state)?.width ?? 40
        let folded = RunScreenView.trajectory(state, width: width, focused: true).lines.map(\.text)
        #expect(folded.contains { $0.contains("… (5 more lines, enter to unfold)") })
        Scenario.press(&state, .enter)
        #expect(state.run.unfolded == [1])
        let unfolded = RunScreenView.trajectory(state, width: width, focused: true).lines.map(\.text)
        #expect(unfolded.contains { $0.contains("Vista Travel Face Mask") })
        #expect(!unfolded.contains { $0.contains("… (5 more lines") })
        Scenario.press(&state, .enter)
        #expect(state.run.unfolded.isEmpty)
        Scenario.press(&state, .character("G"), .enter)
        #expect(state.run.unfolded.isEmpty, "the last step is short: nothing to unfold")
        #expect(state.status != nil)
    }

    @Test("j/k scroll the other panes within their text")
    func scrollPanes() {
        var state = Scenario.runFinished(size)
        Scenario.press(&state, .tab, .tab)
        #expect(state.run.focus == .verdict)
        Scenario.press(&state, .character("j"), .character("j"))
        #expect(state.run.paneScroll[.verdict] == 2)
        for _ in 0..<50 { Scenario.press(&state, .character("j")) }
        #expect(state.run.paneScroll[.verdict] == state.maxRunPaneScroll(.verdict))
        Scenario.press(&state, .character("g"))
        #expect(state.run.paneScroll[.verdict] == 0)
    }

    @Test("esc during a run asks, and y cancels it")
    func cancel() {
        var state = Scenario.runMidRun(size)
        #expect(Scenario.press(&state, .escape).isEmpty)
        #expect(state.overlay == .confirm(.cancelRun))
        #expect(Scenario.press(&state, .character("n")).isEmpty)
        #expect(state.overlay == nil)
        Scenario.press(&state, .escape)
        #expect(Scenario.press(&state, .character("y")) == [.cancelRun])
        var idle = Scenario.runIdle(size)
        Scenario.press(&idle, .escape)
        #expect(idle.overlay == nil, "nothing to cancel")
    }

    @Test("q quits at the top level; during a run it asks first; C-c quits from anywhere")
    func quit() {
        var state = Scenario.runIdle(size)
        #expect(Scenario.press(&state, .character("q")) == [.quit])
        #expect(WorkbenchProgram.isFinished(state))

        var running = Scenario.runMidRun(size)
        #expect(Scenario.press(&running, .character("q")).isEmpty)
        #expect(running.overlay == .confirm(.quit))
        #expect(Scenario.press(&running, .character("y")) == [.quit])
        #expect(running.isFinished)

        var typing = Scenario.palette(size)
        Scenario.press(&typing, .character("q"))
        #expect(!typing.isFinished, "q is typed into the palette")
        #expect(Scenario.press(&typing, .control("c")) == [.quit])
        #expect(typing.isFinished)

        var gate = Scenario.modelCallGate(size)
        #expect(Scenario.press(&gate, .control("c")) == [.quit])
    }

    @Test("1, 2 and 3 switch screens and load what they show")
    func screens() {
        var state = Sample.state()
        #expect(Scenario.press(&state, .character("2")) == [.loadItems(query: "", semantic: false, includeArchived: false)])
        #expect(state.screen == .bank)
        #expect(Scenario.press(&state, .character("3")) == [.loadRuns])
        #expect(state.screen == .runs)
        #expect(Scenario.press(&state, .character("1")).isEmpty)
        #expect(state.screen == .run)
        Scenario.send(&state, [.itemsLoaded([], scores: [:])])
        #expect(Scenario.press(&state, .character("2")).isEmpty, "the bank is loaded once")
    }

    @Test("the flash clears on the next key; failures, notices and headers land in the state")
    func statusLine() {
        var state = Sample.state()
        Scenario.send(&state, [.failed("The model timed out. Try again.")])
        #expect(state.status == StatusLine(text: "The model timed out. Try again.", kind: .failure))
        Scenario.press(&state, .character("j"))
        #expect(state.status == nil)
        Scenario.send(&state, [.notice("Offline simulation.")])
        #expect(state.status?.kind == .info)
        var header = Sample.header
        header.costText = "$0.0123"
        Scenario.send(&state, [.headerChanged(header), .resized(Size(width: 100, height: 30))])
        #expect(state.header.costText == "$0.0123")
        #expect(state.size == Size(width: 100, height: 30))
        #expect(WorkbenchProgram.keyMessage(.enter).isKey(.enter))
        guard case .resized(let size) = WorkbenchProgram.resizeMessage(Size(width: 70, height: 20)) else {
            Issue.record("not a resize")
            return
        }
        #expect(size == Size(width: 70, height: 20))
    }
}

extension AppMessage {
    func isKey(_ key: Key) -> Bool {
        if case .key(let pressed) = self { return pressed == key }
        return false
    }
}

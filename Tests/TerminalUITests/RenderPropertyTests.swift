import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("Rendering never breaks, whatever the state and size")
struct RenderPropertyTests {
    /// Every key of the table, plus text and the arrows.
    static let keys: [Key] = Array(Set(KeyBinding.table.flatMap(\.keys)).subtracting([.control("c"), .character("q")]))
        .sorted { $0.description < $1.description } + [.character("x"), .character("界"), .character("😀"), .backspace, .left]

    /// A random message: mostly keys, sometimes an engine event or a host answer.
    static func message(_ random: inout SplitMix64) -> AppMessage {
        let roll = random.nextIndex(below: 100)
        let steps = Sample.finishedRecord().trajectory.steps
        switch roll {
        case 0..<70:
            return .key(keys[random.nextIndex(below: keys.count)])
        case 70..<90:
            let events: [RunEvent] = [
                .started(Sample.record()), .retrieved(Sample.retrieval, injected: [Sample.sortItem, Sample.messageItem]),
                .modelDelta(.agent, "Thought: 界 😀 a long streaming line that wraps around the pane\n"),
                .step(steps[random.nextIndex(below: steps.count)]), .judged(Sample.verdict, random.nextIndex(below: 2) == 0 ? Sample.truth : nil),
                .extracted(Sample.extracted), .consolidated(Sample.experience), .finished(Sample.finishedRecord()),
                .failed(Sample.record(status: .cancelled)),
            ]
            return .engine(events[random.nextIndex(below: events.count)])
        default:
            let gates: [Gate] = [
                .beforeInjection(task: Sample.task, memories: [Sample.sortItem, Sample.messageItem]), .beforeModelCall(Sample.request, step: 2),
                .beforeJudging(Sample.finishedRecord().trajectory), .beforeConsolidation(verdict: Sample.verdict, items: Sample.extracted),
            ]
            let answers: [AppMessage] = [
                .gateHeld(GateTicket(id: random.nextIndex(below: 3), gate: gates[random.nextIndex(below: gates.count)])),
                .tasksLoaded(environment: "shop", Sample.tasks), .itemsLoaded(Sample.bankItems, scores: [Sample.sortItem.id: 0.5]),
                .itemLoaded(Sample.sortItem, Sample.usage, Sample.revisions), .runsLoaded(Sample.summaries, [Sample.bench()]),
                .runLoaded(Sample.finishedRecord()), .commandOutput(title: "bank stats", text: Scenario.statsOutput),
                .failed("Something failed: 界 😀 and a long explanation of what to do next."), .bankChanged("Archived m-b172d60d0e3f."),
                .editorFinished(EditorRequest(purpose: .editPrompt(ticket: 1), text: ""), Sample.request.renderedPrompt + "\nmore"),
            ]
            return answers[random.nextIndex(below: answers.count)]
        }
    }

    @Test("random sizes from 60×16 and random message sequences: every row fits the grid", arguments: 0..<24)
    func fuzz(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        var state = Sample.state()
        for _ in 0..<60 {
            let size = Size(width: 60 + random.nextIndex(below: 160), height: 16 + random.nextIndex(below: 50))
            _ = WorkbenchProgram.reduce(&state, .resized(size))
            _ = WorkbenchProgram.reduce(&state, Self.message(&random))
            if state.isFinished { state = Sample.state(size: size) }
            let grid = WorkbenchProgram.render(state, size: size, theme: .plain)
            #expect(grid.size == size)
            for y in 0..<size.height {
                let width = CharacterWidth.of(grid.line(y))
                #expect(width == size.width, "row \(y) is \(width) wide at \(size)")
            }
        }
    }

    @Test("tiny terminals render the size message and nothing else breaks")
    func tiny() {
        for width in [0, 1, 10, 30, 59, 80] {
            for height in [0, 1, 5, 15, 16] {
                let size = Size(width: width, height: height)
                let grid = WorkbenchProgram.render(Scenario.runMidRun(size), size: size, theme: .plain)
                #expect(grid.size == size)
                if width < 60 || height < 16, width >= 30, height >= 2 { #expect(grid.text.contains("Terminal too small")) }
            }
        }
    }

    @Test("every theme role used is the theme's: a theme with colours changes styles, not text")
    func themedText() {
        let colourful = Theme(
            name: "test", styles: Dictionary(uniqueKeysWithValues: ThemeRole.allCases.enumerated().map { ($1, Style(foreground: .indexed(UInt8($0 % 8)), bold: $0 % 2 == 0)) }))
        for make in [Scenario.runMidRun, Scenario.bank, Scenario.consolidationGate, Scenario.help] {
            let size = Size(width: 100, height: 30)
            #expect(WorkbenchProgram.render(make(size), size: size, theme: colourful).text == WorkbenchProgram.render(make(size), size: size, theme: .plain).text)
        }
    }
}

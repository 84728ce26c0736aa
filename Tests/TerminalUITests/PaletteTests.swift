import Testing

@testable import TerminalUI

@Suite("Command palette and its output")
struct PaletteTests {
    let size = Size(width: 80, height: 24)

    @Test(": opens an input line; enter runs the command and records it")
    func run() {
        var state = Scenario.palette(size)
        #expect(state.overlay == .palette)
        #expect(state.palette.input.text == "bank search sort")
        #expect(Scenario.press(&state, .enter) == [.runCommand("bank search sort")])
        #expect(state.overlay == nil)
        #expect(state.palette.history == ["bank search sort"])
    }

    @Test("cursor editing: left, right, home, end, backspace, delete, C-u")
    func editing() {
        var state = Scenario.runIdle(size)
        Scenario.press(&state, .character(":"))
        Scenario.send(&state, Scenario.keys("bnk"))
        Scenario.press(&state, .left, .left)
        Scenario.send(&state, Scenario.keys("a"))
        #expect(state.palette.input.text == "bank")
        Scenario.press(&state, .home, .delete, .end, .backspace)
        #expect(state.palette.input.text == "an")
        Scenario.press(&state, .control("a"))
        Scenario.send(&state, Scenario.keys("x"))
        Scenario.press(&state, .control("e"), .right)
        Scenario.send(&state, Scenario.keys("y"))
        #expect(state.palette.input.text == "xany")
        Scenario.press(&state, .control("u"))
        #expect(state.palette.input.text == "")
        #expect(Scenario.press(&state, .enter).isEmpty, "a blank line runs nothing")
    }

    @Test("up and down walk the history and come back to the line being typed")
    func history() {
        var state = Scenario.runIdle(size)
        for line in ["config", "bank stats"] {
            Scenario.press(&state, .character(":"))
            Scenario.send(&state, Scenario.keys(line) + [.key(.enter)])
        }
        Scenario.press(&state, .character(":"))
        Scenario.send(&state, Scenario.keys("ba"))
        Scenario.press(&state, .up)
        #expect(state.palette.input.text == "bank stats")
        Scenario.press(&state, .up, .up)
        #expect(state.palette.input.text == "config")
        Scenario.press(&state, .down)
        #expect(state.palette.input.text == "bank stats")
        Scenario.press(&state, .down)
        #expect(state.palette.input.text == "ba")
        Scenario.press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test("command output opens a scrollable overlay; esc closes it; : opens another command")
    func output() {
        var state = Scenario.paletteOutput(size)
        guard case .output(let title, _, _) = state.overlay else {
            Issue.record("no output")
            return
        }
        #expect(title == "bank stats")
        let long = (1...80).map { "line \($0)" }.joined(separator: "\n")
        Scenario.send(&state, [.commandOutput(title: "config", text: long)])
        Scenario.press(&state, .character("j"), .pageDown)
        guard case .output(_, _, let scroll) = state.overlay else { return }
        #expect(scroll > 1)
        Scenario.press(&state, .character("G"))
        #expect(WorkbenchProgram.render(state, size: size, theme: .plain).text.contains("line 80"))
        Scenario.press(&state, .character(":"))
        #expect(state.overlay == .palette)
        Scenario.press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test("help scrolls and closes with esc, ? or q")
    func help() {
        var state = Scenario.help(size)
        Scenario.press(&state, .character("j"), .character("j"))
        #expect(state.overlay == .help(scroll: 2))
        Scenario.press(&state, .character("G"))
        let (lines, visible) = OverlayView.readerLines(state)
        #expect(state.overlay == .help(scroll: lines.count - visible))
        Scenario.press(&state, .character("q"))
        #expect(state.overlay == nil)
        #expect(!state.isFinished, "q closes help rather than quitting")
    }

    @Test("output does not replace an open question")
    func outputDuringQuestion() {
        var state = Scenario.runMidRun(size)
        Scenario.press(&state, .escape)
        Scenario.send(&state, [.commandOutput(title: "config", text: "x")])
        #expect(state.overlay == .confirm(.cancelRun))
        #expect(state.status?.kind == .warning)
    }
}

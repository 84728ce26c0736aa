import CNCursesW
import Foundation
import Testing

@testable import TerminalUI

/// Real ncurses without a terminal: `newterm` on `/dev/null` (or a pipe for keys), then the screen read
/// back with `mvwinnwstr` / `mvwin_wch`. ncurses has one current screen per process, so these run one
/// at a time.
@Suite("NCursesBackend on real ncurses (newterm on files)", .serialized)
@MainActor
struct BackendNCursesTests {
    private func makeBackend(
        size: Size = Size(width: 30, height: 6), input: String = "/dev/null", environment: [String: String] = [:]
    ) -> NCursesBackend {
        NCursesBackend(inputPath: input, outputPath: "/dev/null", size: size, environment: environment)
    }

    @Test("wide characters are drawn in two cells and read back once")
    func wideCharacters() throws {
        let backend = makeBackend()
        try backend.start()
        defer { backend.stop() }
        #expect(backend.size == Size(width: 30, height: 6))
        var grid = Grid(size: backend.size)
        grid.put("héllo 😀 界", x: 0, y: 0)
        grid.put("x界", x: 28, y: 1)
        backend.draw(grid, theme: .plain)
        #expect(backend.screenLine(0).hasPrefix("héllo 😀 界 "))
        #expect(backend.screenCell(x: 1, y: 0).text == "é")
        #expect(backend.screenCell(x: 6, y: 0).text == "😀")
        #expect(backend.screenCell(x: 9, y: 0).text == "界")
        #expect(backend.screenCell(x: 11, y: 0).text == " ")
        // A wide character that would straddle the right edge is a blank (Grid.put already ensures it).
        #expect(backend.screenLine(1).hasSuffix("x "))
    }

    @Test("attributes and colour pairs: allocated on demand, reused, 24-bit colours mapped to 256")
    func colours() throws {
        let backend = makeBackend()
        try backend.start()
        defer { backend.stop() }
        #expect(!backend.isMonochrome)
        #expect(backend.colorCount >= 256)
        var grid = Grid(size: backend.size)
        grid.put("red", x: 0, y: 0, style: Style(foreground: .red, bold: true))
        grid.put("rgb", x: 0, y: 1, style: Style(foreground: .rgb(255, 0, 0), background: .indexed(236), underline: true))
        grid.put("red again", x: 0, y: 2, style: Style(foreground: .red, italic: true, reverse: true))
        grid.put("plain", x: 0, y: 3)
        backend.draw(grid, theme: .plain)

        let red = backend.screenCell(x: 0, y: 0)
        #expect(red.text == "r")
        #expect(red.attributes & rb_attr_bold() != 0)
        #expect(red.pair != 0)
        #expect(backend.pairColors(red.pair) == (1, -1))

        let rgb = backend.screenCell(x: 0, y: 1)
        #expect(rgb.attributes & rb_attr_underline() != 0)
        #expect(backend.pairColors(rgb.pair) == (196, 236))

        let again = backend.screenCell(x: 0, y: 2)
        #expect(again.pair == red.pair, "the same colours reuse their pair")
        #expect(again.attributes & rb_attr_italic() != 0)
        #expect(again.attributes & rb_attr_reverse() != 0)

        let plain = backend.screenCell(x: 0, y: 3)
        #expect(plain.pair == 0)
        #expect(plain.attributes & (rb_attr_bold() | rb_attr_underline() | rb_attr_reverse()) == 0)
        #expect(backend.allocatedPairs == 2)
    }

    @Test("NO_COLOR draws attributes only")
    func noColor() throws {
        let backend = makeBackend(environment: ["NO_COLOR": "1"])
        try backend.start()
        defer { backend.stop() }
        #expect(backend.isMonochrome)
        var grid = Grid(size: backend.size)
        grid.put("warn", x: 0, y: 0, style: Style(foreground: .yellow, background: .blue, bold: true, dim: true))
        backend.draw(grid, theme: .plain)
        let cell = backend.screenCell(x: 0, y: 0)
        #expect(cell.pair == 0)
        #expect(cell.attributes & rb_attr_bold() != 0)
        #expect(cell.attributes & rb_attr_dim() != 0)
        #expect(backend.allocatedPairs == 0)
    }

    @Test("an empty NO_COLOR does not turn colours off")
    func emptyNoColor() throws {
        let backend = makeBackend(environment: ["NO_COLOR": ""])
        try backend.start()
        defer { backend.stop() }
        #expect(!backend.isMonochrome)
    }

    @Test("only changed cells are written; a size change or resume writes everything")
    func diffing() throws {
        let backend = makeBackend(size: Size(width: 20, height: 4))
        try backend.start()
        defer { backend.stop() }
        var grid = Grid(size: backend.size)
        grid.put("hello 界", x: 0, y: 0)
        backend.draw(grid, theme: .plain)
        #expect(backend.cellsWrittenByLastDraw == 79, "every cell but the right half of 界")

        backend.draw(grid, theme: .plain)
        #expect(backend.cellsWrittenByLastDraw == 0)

        grid.put("J", x: 0, y: 0)
        grid.put("!", x: 5, y: 2)
        backend.draw(grid, theme: .plain)
        #expect(backend.cellsWrittenByLastDraw == 2)
        #expect(backend.screenLine(0).hasPrefix("Jello 界"))
        #expect(backend.screenLine(2).hasPrefix("     !"))

        // Changing a wide character writes both of its halves.
        grid.put("ab", x: 6, y: 0)
        backend.draw(grid, theme: .plain)
        #expect(backend.cellsWrittenByLastDraw == 2)
        #expect(backend.screenLine(0).hasPrefix("Jello ab"))

        backend.suspend()
        backend.resume()
        backend.draw(grid, theme: .plain)
        #expect(backend.cellsWrittenByLastDraw == 80)
    }

    @Test("a resize is reported once as input, and the size follows")
    func resize() async throws {
        let backend = makeBackend(size: Size(width: 20, height: 4))
        try backend.start()
        defer { backend.stop() }
        let received = Received()
        let reader = Task { for await input in backend.inputs { received.inputs.append(input) } }
        defer { reader.cancel() }
        backend.simulateResize(to: Size(width: 33, height: 7))
        #expect(backend.size == Size(width: 33, height: 7))
        try await eventually { received.inputs.count >= 1 }
        #expect(received.inputs == [.resize(Size(width: 33, height: 7))])
    }

    @Test("keys written to the input are read by the dispatch source and decoded through terminfo")
    func keysThroughTerminfo() async throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer {
            close(descriptors[0])
            close(descriptors[1])
        }
        let backend = makeBackend(input: "/dev/fd/\(descriptors[0])")
        try backend.start()
        defer { backend.stop() }
        let received = Received()
        let reader = Task { for await input in backend.inputs { received.inputs.append(input) } }
        defer { reader.cancel() }

        // xterm-256color in keypad mode: cursor up \EOA, page down \E[6~, back-tab \E[Z, F1 \EOP.
        let typed = "a\u{1B}OA\u{1B}[6~\u{7F}\u{03}\t\u{1B}[Zé\u{1B}OP\r"
        write(descriptors[1], typed, typed.utf8.count)
        let expected: [TerminalInput] = [
            .key(.character("a")), .key(.up), .key(.pageDown), .key(.backspace), .key(.control("c")), .key(.tab),
            .key(.backTab), .key(.character("é")), .key(.function(1)), .key(.enter),
        ]
        try await eventually { received.inputs.count >= expected.count }
        #expect(received.inputs == expected)

        // A lone Escape arrives on its own (after ncurses' short escape delay).
        write(descriptors[1], "\u{1B}", 1)
        try await eventually { received.inputs.count >= expected.count + 1 }
        #expect(received.inputs.last == .key(.escape))
    }

    @Test("an unknown terminal type is an error naming it; start twice is an error; stop is idempotent")
    func lifecycle() throws {
        let unknown = NCursesBackend(inputPath: "/dev/null", outputPath: "/dev/null", terminalType: "no-such-terminal", size: Size(width: 10, height: 2))
        #expect(throws: TerminalBackendError.unknownTerminal(type: "no-such-terminal")) { try unknown.start() }

        let missing = NCursesBackend(inputPath: "/no/such/input", outputPath: "/dev/null", size: Size(width: 10, height: 2))
        #expect(throws: TerminalBackendError.self) { try missing.start() }

        let backend = makeBackend()
        try backend.start()
        #expect(throws: TerminalBackendError.alreadyStarted) { try backend.start() }
        backend.stop()
        backend.stop()
        var grid = Grid(size: backend.size)
        grid.put("after stop", x: 0, y: 0)
        backend.draw(grid, theme: .plain)
    }

    @Test("the terminal backend refuses to start without a terminal")
    func notATerminal() throws {
        // Under `swift test` standard input is not a terminal.
        guard isatty(STDIN_FILENO) == 0 else { return }
        let backend = NCursesBackend()
        #expect(throws: TerminalBackendError.notATerminal(stream: "input")) { try backend.start() }
        backend.stop()
    }

    @Test("the TerminalRuntime drives real ncurses: keys through a pipe, frames on the screen")
    func runtimeOnNCurses() async throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer {
            close(descriptors[0])
            close(descriptors[1])
        }
        let backend = makeBackend(size: Size(width: 30, height: 6), input: "/dev/fd/\(descriptors[0])")
        let runtime = TerminalRuntime<CounterProgram>(backend: backend, theme: .plain, state: .init())
        let run = Task { try await runtime.run { _ in } }
        try await eventually { backend.screenLine(0).hasPrefix("size 30x6") }
        write(descriptors[1], "k\u{1B}OB", 4)
        try await eventually { backend.screenLine(2).hasPrefix("key: ↓") }
        #expect(backend.screenLine(4).hasPrefix("wide: héllo 😀 界"))
        write(descriptors[1], "q", 1)
        let state = try await run.value
        #expect(state.keys == [.character("k"), .down])
    }
}

/// Inputs a test collected from a backend.
@MainActor
private final class Received {
    var inputs: [TerminalInput] = []
}

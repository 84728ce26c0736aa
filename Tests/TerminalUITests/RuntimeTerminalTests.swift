import Foundation
import TestSupport
import Testing

@testable import TerminalUI

/// End-to-end tests in a real terminal: tmux runs a program, `send-keys` types, `capture-pane` reads the
/// screen. The program under test is this test binary itself, running only `RuntimeTerminalHelper`
/// (which drives `TerminalRuntime` on `NCursesBackend`, the real terminal).
@Suite(
    "Real terminals through tmux",
    .enabled(if: TmuxSession.isAvailable, Comment(rawValue: TmuxSession.unavailableReason)))
struct RuntimeTerminalTests {
    private static let size = TmuxSession.Size(width: 60, height: 15)

    /// This test binary, run so that only the helper test runs, in the real terminal tmux gives it.
    /// Afterwards a shell prints the terminal's line discipline (`TERMINAL: icanon echo` when it was
    /// given back; `-icanon -echo` is raw mode) and exits with the helper's status.
    private func startHelper(in directory: TemporaryDirectory, mode: String = "1") throws -> TmuxSession {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let report = """
            "$@"; status=$?; printf '\nTERMINAL:'; for flag in $(stty -a | tr ' ;' '\n\n' | grep -x -e '-*icanon' -e '-*echo'); \
            do printf ' %s' "$flag"; done; printf '\n'; exit $status
            """
        return try TmuxSession.start(
            command: ["/bin/sh", "-c", report, "sh", binary, "--testing-library", "swift-testing", "--filter", "RuntimeTerminalHelper"],
            size: Self.size,
            // The runtime's backtracer would wait 30 s for a key on a terminal after a crash.
            environment: ["RBANK_TUI_HELPER": mode, "SWIFT_BACKTRACE": "interactive=no"],
            workingDirectory: directory.url)
    }

    /// Waits until a whole line of the screen is `line`.
    private func waitForLine(_ line: String, in session: TmuxSession) throws {
        try session.waitUntil("the line \"\(line)\"") { $0.split(separator: "\n").contains { $0 == line } }
    }

    @Test("the harness: start a program, wait for its output, resize, kill")
    func harness() throws {
        let directory = try TemporaryDirectory(prefix: "rbank-tmux")
        defer { directory.remove() }
        let session = try TmuxSession.start(
            command: ["/bin/sh", "-c", "printf 'hello\\n'; stty size; printf '%s\\n' \"$GREETING\"; sleep 5"],
            size: TmuxSession.Size(width: 40, height: 10), environment: ["GREETING": "hi there"],
            workingDirectory: directory.url)
        defer { session.kill() }
        let screen = try session.waitFor("hi there")
        #expect(screen.hasPrefix("hello\n10 40\nhi there"))
        #expect(session.isAlive)
        #expect(session.exitStatus == nil)

        try session.resize(width: 60, height: 12)
        #expect(try session.query("#{window_width}x#{window_height}") == "60x12")

        do {
            try session.waitFor("never shown", timeout: 0.3)
            Issue.record("waitFor should have timed out")
        } catch let failure as TmuxSession.Failure {
            #expect(failure.lastCapture?.contains("hello") == true)
            #expect(failure.description.contains("never shown"))
        }

        session.kill()
        #expect(!session.isAlive)
    }

    @Test("a program that exits leaves its last screen and its status")
    func exitStatus() throws {
        let directory = try TemporaryDirectory(prefix: "rbank-tmux")
        defer { directory.remove() }
        let session = try TmuxSession.start(
            command: ["/bin/sh", "-c", "echo done; exit 3"], size: TmuxSession.Size(width: 30, height: 5),
            workingDirectory: directory.url)
        defer { session.kill() }
        #expect(try session.waitForExit() == 3)
        #expect(try session.capture().hasPrefix("done"))
    }

    @Test("keys, resize, a suspended terminal for an editor, and a clean exit — on real ncurses")
    func workbenchRuntime() throws {
        let directory = try TemporaryDirectory(prefix: "rbank-tmux")
        defer { directory.remove() }
        let session = try startHelper(in: directory)
        defer { session.kill() }

        try session.waitFor("size 60x15", timeout: 60)
        try session.waitFor(format: "#{alternate_on}", toBe: "1")  // full-screen mode uses the alternate screen
        try session.waitFor(format: "#{cursor_flag}", toBe: "0")  // the cursor is hidden
        #expect(try session.waitFor("wide: héllo 😀 界").contains("wide: héllo 😀 界"))

        let keys: [(String, String)] = [
            ("Up", "↑"), ("F5", "F5"), ("C-c", "C-c"), ("BTab", "S-tab"), ("Escape", "esc"), ("BSpace", "bksp"),
            ("PPage", "pgup"), ("Home", "home"), ("DC", "del"), ("Tab", "tab"), ("Enter", "enter"), ("C-a", "C-a"),
        ]
        for (name, shown) in keys {
            try session.sendKeys(name)
            try waitForLine("key: \(shown)", in: session)
        }
        try session.sendText("é")
        try waitForLine("key: é", in: session)
        #expect(session.isAlive, "Ctrl-C is a key in raw mode, not SIGINT")

        // A resize reaches the program without a key press (SIGWINCH).
        try session.resize(width: 70, height: 20)
        try session.waitFor("size 70x20")

        // The editor runs on the normal screen, in the foreground, reading the terminal.
        try session.sendKeys("e")
        try session.waitFor("EDITOR-RUNNING")
        try session.waitFor(format: "#{alternate_on}", toBe: "0")
        try session.sendText("fine")
        try session.sendKeys("Enter")
        try session.waitFor("edited: 7")
        try session.waitFor(format: "#{alternate_on}", toBe: "1")

        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: 30) == 0)
        let screen = try session.waitFor("FINAL")
        #expect(screen.contains("FINAL keys=13 edited=7"))
        #expect(screen.contains("got fine"), "the editor's output stays on the normal screen")
        try session.waitFor(format: "#{alternate_on}", toBe: "0")  // back on the normal screen
        try session.waitFor(format: "#{cursor_flag}", toBe: "1")  // the cursor is visible again
        try session.waitFor("TERMINAL: icanon echo")  // and out of raw mode
    }

    @Test("SIGTERM, SIGHUP and SIGINT restore the terminal and exit with 128 + the signal", arguments: [SIGTERM, SIGHUP, SIGINT])
    func signals(signal: Int32) throws {
        let directory = try TemporaryDirectory(prefix: "rbank-tmux")
        defer { directory.remove() }
        let session = try startHelper(in: directory)
        defer { session.kill() }
        try session.waitFor("size 60x15", timeout: 60)
        try session.waitFor(format: "#{alternate_on}", toBe: "1")
        // The program is the reporting shell; the helper is its child.
        let shell = try #require(session.processID)
        let pid = try #require(TmuxSession.children(of: shell).first)
        #expect(kill(pid, signal) == 0)
        #expect(try session.waitForExit(timeout: 30) == 128 + signal)
        try session.waitFor(format: "#{alternate_on}", toBe: "0")
        try session.waitFor(format: "#{cursor_flag}", toBe: "1")
        try session.waitFor("TERMINAL: icanon echo")
    }

    @Test("a crash (a Swift runtime trap in an effect) restores the terminal before the crash report")
    func crash() throws {
        let directory = try TemporaryDirectory(prefix: "rbank-tmux")
        defer { directory.remove() }
        let session = try startHelper(in: directory, mode: "crash")
        defer { session.kill() }
        try session.waitFor("size 60x15", timeout: 60)
        try session.waitFor(format: "#{alternate_on}", toBe: "1")
        try session.sendKeys("x")
        let status = try session.waitForExit(timeout: 60)
        #expect(status > 128, "the crash ends the process by its signal (status \(status))")
        try session.waitFor(format: "#{alternate_on}", toBe: "0")
        try session.waitFor(format: "#{cursor_flag}", toBe: "1")
        try session.waitFor("TERMINAL: icanon echo", timeout: 60)
    }
}

/// The program the tmux tests run: `CounterProgram` on the real terminal. Skipped unless
/// `RBANK_TUI_HELPER` is set (the tmux tests set it).
@Suite("RuntimeTerminalHelper")
struct RuntimeTerminalHelper {
    @Test(
        "helper: the counter program on NCursesBackend (run by the tmux tests)",
        .enabled(if: ProcessInfo.processInfo.environment["RBANK_TUI_HELPER"] != nil))
    @MainActor
    func helper() async throws {
        let theme = try Theme.named("dark", in: ProjectFiles.path("themes"))
        let runtime = TerminalRuntime<CounterProgram>(backend: NCursesBackend(), theme: theme, state: .init())
        let state = try await runtime.run { effect in
            switch effect {
            case .echo(let text):
                if ProcessInfo.processInfo.environment["RBANK_TUI_HELPER"] == "crash" {
                    fatalError("a deliberate crash for the end-to-end test")
                }
                runtime.send(.echoed(text))
            case .edit:
                let status = await runtime.withSuspendedTerminal { () -> Int32 in
                    let script = "echo EDITOR-RUNNING; read answer; echo \"got $answer\"; exit 7"
                    return (try? await ForegroundProcess.run(["/bin/sh", "-c", script])) ?? -1
                }
                runtime.send(.edited(status))
            case .block:
                break
            }
        }
        print("FINAL keys=\(state.keys.count) edited=\(state.edited.map(String.init) ?? "-")")
    }
}

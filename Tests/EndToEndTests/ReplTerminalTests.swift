import BankStore
import Foundation
import ReasoningBank
import Testing
import TestSupport

/// The real `rbank repl` in a real terminal (tmux): keys in, screens out, the history file and the bank checked after.
@Suite("rbank repl in tmux, end to end", .serialized, .enabled(if: TmuxSession.isAvailable, Comment(rawValue: TmuxSession.unavailableReason)))
struct ReplTerminalTests {
    /// A folder with the bank, the log, the history file and an "editor" that renames what it is given.
    private struct Workspace {
        let folder: TemporaryDirectory
        var environment: [String: String]

        init(extra: [String: String] = [:]) throws {
            folder = try TemporaryDirectory(prefix: "rbank-repl")
            let editor = folder.path("editor.sh")
            // Line 2 of an item's text is its title (`# Title` then the title).
            try "#!/bin/sh\nsed -i '2s/.*/Edited at the gate/' \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
            environment = [
                "MEMORY_BANK_PATH": folder.path("bank.sqlite").path, "LOG_FILE": folder.path("rbank.log").path,
                "REPL_HISTORY_FILE": folder.path("history/repl_history").path, "EDITOR": editor.path, "TERM": "tmux-256color",
            ]
            environment.merge(extra) { $1 }
        }

        var historyFile: URL { folder.path("history/repl_history") }
        var bankPath: String { folder.path("bank.sqlite").path }

        func start(_ arguments: [String] = []) throws -> TmuxSession {
            try TmuxSession.start(
                command: [BinaryRunner.binary.path, "repl"] + arguments, size: .init(width: 110, height: 40),
                environment: environment, workingDirectory: ProjectFiles.root)
        }

        /// `rbank repl …` under bash, which prints `EXIT=<status>` after it. Ctrl-C goes to the terminal's
        /// whole foreground group; bash (unlike the `sh` that `TmuxSession` waits with) outlives a child that
        /// handled it, so the status can still be read.
        func startUnderBash(_ arguments: [String]) throws -> TmuxSession {
            let command = ([BinaryRunner.binary.path, "repl"] + arguments).map { "'\($0)'" }.joined(separator: " ")
            return try TmuxSession.start(
                command: ["/bin/bash", "-c", "\(command); echo \"EXIT=$?\"; sleep 60"], size: .init(width: 110, height: 40),
                environment: environment, workingDirectory: ProjectFiles.root)
        }
    }

    /// Runs `body` (which waits on tmux) on a Dispatch thread, off Swift's cooperative pool.
    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }


    @Test("Tab completes commands and lists task ids; Ctrl-C clears the line; Ctrl-D leaves; the history survives a restart")
    func completionAndHistory() async throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        let first = try workspace.start()
        defer { first.kill() }
        try await Self.blocking {
            try first.waitForPrompt()
            try first.complete("ba", to: "rbank> bank")
            try first.complete("st", to: "rbank> bank stats")
            try first.sendKeys("Enter")
            try first.waitFor("experiences")
            // Several candidates: their common prefix, then the list below the line.
            try first.waitForPrompt()
            try first.complete("run --env qa --task qa-0", to: "rbank> run --env qa --task qa-0")
            try first.sendText("0")
            try first.sendKeys("Tab")
            let listed = try first.waitFor("qa-009")
            #expect(listed.contains("qa-001  qa-002"))
            #expect(TmuxSession.lastLine(listed) == "rbank> run --env qa --task qa-00")
            try first.sendKeys("C-c")
            let cleared = try first.waitForPrompt()
            #expect(cleared.contains("qa-00^C"))
            try first.sendKeys("C-d")
            #expect(try first.waitForExit() == 0)
        }
        let saved = try String(contentsOf: workspace.historyFile, encoding: .utf8)
        #expect(saved.contains("bank\\040stats"), "libedit's history file: \(saved)")
        #expect(!saved.contains("qa-00"), "an interrupted line is not history")

        let second = try workspace.start()
        defer { second.kill() }
        try await Self.blocking {
            try second.waitForPrompt()
            try second.sendKeys("Up")
            try second.waitForPrompt("rbank> bank stats")
            try second.sendKeys("Enter")
            try second.waitFor("experiences")
            try second.enter("exit")
            #expect(try second.waitForExit() == 0)
        }
    }

    @Test("Ctrl-C during a run returns to the prompt with the run recorded as cancelled, every time")
    func interruptRuns() async throws {
        let server = try await FakeProviderServer.start()
        defer { server.stop() }
        try await server.inject(#"{"kind":"stall","after_chunks":2}"#, #"{"kind":"stall","after_chunks":2}"#)
        let workspace = try Workspace(extra: [
            "LLM_PROVIDER": "anthropic", "ANTHROPIC_API_KEY": "sk-ant-api03-REPLTERMINALKEY0123456789",
            "ANTHROPIC_BASE_URL": server.url().absoluteString, "LLM_MAX_RETRIES": "0",
        ])
        defer { workspace.folder.remove() }
        let tmux = try workspace.startUnderBash(["--env", "qa"])
        defer { tmux.kill() }
        for (round, task) in ["qa-001", "qa-002"].enumerated() {
            try await Self.blocking { try tmux.enter("run --task \(task)") }
            #expect(try await server.wait(for: "seen", count: round + 1, timeout: 30), "the model call for \(task) stalls")
            let screen = try await Self.blocking {
                try tmux.sendKeys("C-c")
                return try tmux.waitUntil("run \(round + 1) cancelled and the prompt back", timeout: 20) {
                    $0.components(separatedBy: "■ cancelled").count == round + 2 && TmuxSession.lastLine($0) == "rbank>"
                }
            }
            #expect(screen.contains("Cancelled: the suite stopped"))
        }
        #expect(try await server.wait(for: "closed", count: 2, timeout: 10))
        try await Self.blocking {
            try tmux.enter("bank stats")
            try tmux.waitFor("runs         2 (cancelled 2)")
            try tmux.waitForPrompt()
            try tmux.sendKeys("C-d")
            try tmux.waitFor("EXIT=0")
        }
        let bank = try Bank(path: workspace.bankPath)
        defer { try? bank.close() }
        #expect(try bank.runs().map(\.status) == [.cancelled, .cancelled])
    }

    @Test("step mode at the prompt: a memory edited in $EDITOR is injected, and Ctrl-C at a gate quits the run")
    func stepMode() async throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        let tmux = try workspace.start(["--env", "qa"])
        defer { tmux.kill() }
        try await Self.blocking {
            try tmux.enter("run --task qa-001")  // stores memories for the next run to retrieve
            try tmux.waitFor("■ ")
            try tmux.enter("step on")
            try tmux.waitFor("Step mode is on")
            try tmux.enter("run --task qa-002")
            try tmux.waitFor("‖ step · before injection · task qa-002")
            try tmux.enter("e 1", at: "step>")
            try tmux.waitFor("Memory 1 edited for this run")
            try tmux.waitFor("\"Edited at the gate\"")
            try tmux.enter("", at: "step>")  // continue: inject the edited memory
            try tmux.waitFor("‖ step · before model call")
            try tmux.enter("g", at: "step>")
            try tmux.waitFor("Going on without stopping")
            try tmux.waitUntil("the run's end and the prompt") { screen in
                let after = screen.components(separatedBy: "Going on without stopping").last ?? ""
                return after.contains("■ ") && TmuxSession.lastLine(screen) == "rbank>"
            }
            try tmux.enter("run --task qa-003")
            try tmux.waitFor("‖ step · before injection · task qa-003")
            try tmux.waitForPrompt("step>")
            try tmux.sendKeys("C-c")
            try tmux.waitFor("Quitting the run")
            try tmux.waitForPrompt()
            try tmux.sendKeys("C-d")
            #expect(try tmux.waitForExit() == 0)
        }
        let bank = try Bank(path: workspace.bankPath)
        defer { try? bank.close() }
        let records = try bank.runs().compactMap { try bank.run(id: $0.id) }
        let edited = try #require(records.first { $0.task.id == "qa-002" })
        #expect(edited.overrides.map(\.gate) == ["before-injection"])
        #expect(edited.overrides.first?.summary.contains("chosen by hand") == true)
        #expect(records.first { $0.task.id == "qa-003" }?.status == .cancelled)
        #expect(records.first { $0.task.id == "qa-001" }?.overrides.isEmpty == true)
    }
}

/// Driving a prompt: wait for it alone on the last line, then type.
extension TmuxSession {
    /// The screen's last non-empty line.
    static func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// Waits until the last line is `prompt` (tmux drops its trailing space); returns that screen.
    @discardableResult
    func waitForPrompt(_ prompt: String = "rbank>") throws -> String {
        try waitUntil("\"\(prompt)\" on the last line") { Self.lastLine($0) == prompt }
    }

    /// Waits for `prompt`, then types `line` and Enter.
    func enter(_ line: String, at prompt: String = "rbank>") throws {
        try waitForPrompt(prompt)
        if !line.isEmpty { try sendText(line) }
        try sendKeys("Enter")
    }

    /// Types `text`, presses Tab, and waits until the line reads `expected`.
    func complete(_ text: String, to expected: String) throws {
        try sendText(text)
        try sendKeys("Tab")
        try waitForPrompt(expected)
    }
}

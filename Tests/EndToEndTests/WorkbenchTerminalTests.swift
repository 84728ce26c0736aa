import BankStore
import Foundation
import ReasoningBank
import Testing
import TestSupport

/// The real `rbank` workbench in a real terminal (tmux): keys in, screens out, the bank checked after.
@Suite("rbank workbench in tmux, end to end", .serialized, .enabled(if: TmuxSession.isAvailable, Comment(rawValue: TmuxSession.unavailableReason)))
struct WorkbenchTerminalTests {
    /// A sandbox with the demo bank imported and an "editor" that renames what it is given.
    struct Workspace {
        let folder: TemporaryDirectory
        let bank: URL
        let editor: URL

        init() async throws {
            folder = try TemporaryDirectory(prefix: "rbank-tui")
            bank = folder.path("bank.sqlite")
            editor = folder.path("editor.sh")
            // Line 2 of the item text is its title (`# Title` then the title).
            try "#!/bin/sh\nsed -i '2s/.*/Edited in the e2e test/' \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
            let runner = BinaryRunner(workingDirectory: ProjectFiles.root, environment: ["LOG_FILE": folder.path("rbank.log").path])
            let imported = try await runner.run(["bank", "import", "data/demo/memory_bank.json", "--bank", bank.path])
            guard imported.status == 0 else { throw ServerProcess.StartupError(description: "import failed: \(imported.stderr)") }
        }

        /// `rbank tui …` in a shell that, after it ends, prints its exit status and the terminal modes.
        func start(_ arguments: [String], width: Int = 120, height: Int = 40) throws -> TmuxSession {
            let command = ([BinaryRunner.binary.path, "tui", "--bank", bank.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            return try TmuxSession.start(
                command: ["/bin/sh", "-c", "\(command); echo \"EXIT=$?\"; stty -a | tr ';' '\\n' | grep -E 'icanon|echo' | head -3; sleep 60"],
                size: .init(width: width, height: height),
                environment: ["EDITOR": editor.path, "LOG_FILE": folder.path("rbank.log").path, "TERM": "tmux-256color"],
                workingDirectory: ProjectFiles.root)
        }
    }

    /// The held gate's title line (`Step mode · before …`), or "" when no gate is shown.
    private static func gateTitle(_ screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains("Step mode ·") }.map(String.init) ?? ""
    }

    /// Sends Enter at each held gate until one whose title contains `stop` is shown; waits for each new gate
    /// (a changed title) before pressing again, so no key lands on a gate it was not meant for.
    private static func proceed(_ tmux: TmuxSession, until stop: String) async throws -> String {
        var screen = try tmux.waitUntil("a gate", timeout: 20) { !gateTitle($0).isEmpty }
        for _ in 0..<60 {
            let title = gateTitle(screen)
            if title.contains(stop) { return screen }
            try tmux.sendKeys("Enter")
            screen = try tmux.waitUntil("the gate after \(title)", timeout: 20) {
                let next = gateTitle($0)
                return !next.isEmpty && next != title
            }
        }
        return screen
    }

    @Test("step through a shop run (edit an item before consolidation, override the verdict), then edit and undo in the Bank screen, and quit to a working terminal")
    func stepThroughAndCurate() async throws {
        let workspace = try await Workspace()
        defer { workspace.folder.remove() }
        let tmux = try workspace.start(["--env", "shop", "--step"])
        defer { tmux.kill() }
        _ = try tmux.waitFor("Offline simulation")

        // Pick shop-001 and run it in step mode.
        try tmux.sendKeys("r")
        _ = try tmux.waitFor("Run a task")
        try tmux.sendKeys("Enter")
        var screen = try tmux.waitFor("before injection", timeout: 20)
        #expect(screen.contains("shop-001"))
        screen = try await Self.proceed(tmux, until: "before judging")
        #expect(screen.contains("before judging"))
        try tmux.sendKeys("n")  // skip the judge: the run failed
        _ = try tmux.waitUntil("the gate after judging", timeout: 20) {
            let title = Self.gateTitle($0)
            return !title.isEmpty && !title.contains("before judging")
        }
        screen = try await Self.proceed(tmux, until: "before consolidation")
        #expect(screen.contains("before consolidation"))
        try tmux.sendKeys("e")  // edit the first extracted item in $EDITOR
        screen = try tmux.waitFor("Edited in the e2e test", timeout: 20)
        try tmux.sendKeys("Enter")  // store the items as shown
        screen = try tmux.waitFor("ended", timeout: 20)
        #expect(screen.contains("failure"))

        // Bank screen: edit the first item in $EDITOR, then undo.
        try tmux.sendKeys("2")
        _ = try tmux.waitFor("Items")
        try tmux.sendKeys("e")
        _ = try tmux.waitFor("Edited m-", timeout: 20)
        try tmux.sendKeys("u")
        _ = try tmux.waitFor("Undone", timeout: 20)

        try tmux.sendKeys("q")
        // Wait for the stty lines the shell prints after the exit status, not just the status.
        screen = try tmux.waitFor("icanon", timeout: 20)
        #expect(screen.contains("EXIT=0"))
        // The terminal is back to normal: canonical mode and echo on, the main screen, a visible cursor.
        #expect(screen.contains("icanon") && !screen.contains("-icanon"))
        #expect(screen.contains(" echo") && !screen.contains("-echo "))
        #expect(try tmux.query("#{alternate_on}") == "0")

        // The bank holds what happened: the run with its overrides, the edited extracted item, and the undone edit.
        let bank = try Bank(path: workspace.bank.path)
        defer { try? bank.close() }
        let runs = try bank.runs()
        #expect(runs.count == 1)
        let record = try #require(try bank.run(id: runs[0].id))
        #expect(record.status == .failure)
        #expect(record.overrides.contains { $0.gate == "before-judging" })
        #expect(record.overrides.contains { $0.gate == "before-consolidation" })
        let stored = try record.storedItemIDs.compactMap { try bank.item(id: $0) }
        #expect(stored.contains { $0.title == "Edited in the e2e test" })
        let changes = try bank.changes()
        #expect(changes.contains { $0.operation == .edit && $0.undoneAt != nil })
        #expect(!(try bank.items()).contains { $0.title == "Edited in the e2e test" && $0.provenance.source != .extracted })
    }

    @Test("a resize storm while a run streams ends with a screen laid out for the final size; 40×12 shows the minimum-size message")
    func resizeStorm() async throws {
        let workspace = try await Workspace()
        defer { workspace.folder.remove() }
        let tmux = try workspace.start(["--env", "shop"], width: 100, height: 30)
        defer { tmux.kill() }
        _ = try tmux.waitFor("Offline simulation")
        try tmux.sendKeys("r")
        _ = try tmux.waitFor("Run a task")
        try tmux.sendKeys("Enter")
        let sizes = [(80, 24), (140, 45), (61, 17), (200, 50), (90, 20), (120, 35), (70, 30), (160, 25)]
        // Resize every 20 ms for about a second, starting another run every few rounds so runs stream throughout.
        for round in 0..<48 {
            let (width, height) = sizes[round % sizes.count]
            try tmux.resize(width: width, height: height)
            if round % 6 == 5 { try tmux.sendKeys("r", "Enter") }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        try tmux.resize(width: 90, height: 28)
        let screen = try tmux.waitUntil("the final layout", timeout: 20) { screen in
            var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            while lines.last?.isEmpty == true { lines.removeLast() }
            return screen.contains("ended") && lines.count == 28 && lines.first?.contains("rbank") == true
                && lines.last?.contains("? help") == true
        }
        #expect(tmux.isAlive)
        for line in screen.split(separator: "\n") { #expect(line.count <= 90, "\(line)") }
        #expect(screen.contains("1 Run") || screen.contains("[1 Run]"))

        try tmux.resize(width: 40, height: 12)
        let small = try tmux.waitFor("too small")
        #expect(small.contains("60×16"))
        try tmux.resize(width: 100, height: 30)
        _ = try tmux.waitFor("rbank ·")
        try tmux.sendKeys("q")
        #expect(try tmux.waitFor("EXIT=", timeout: 20).contains("EXIT=0"))
    }
}

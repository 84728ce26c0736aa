import Foundation
import LineREPL
import Testing
import TestSupport

@Suite("Line history: capped, saved and loaded in libedit's format")
struct LineHistoryTests {
    @Test("entries come oldest first; blank lines and a repeat of the last line are not entered")
    func entering() {
        let history = LineHistory(capacity: 10)
        for line in ["bank list", "  ", "run --task qa-001", "run --task qa-001", "bank stats"] { history.add(line) }
        #expect(history.entries == ["bank list", "run --task qa-001", "bank stats"])
    }

    @Test("the oldest entries go once the history is full")
    func capped() {
        let history = LineHistory(capacity: 3)
        for index in 1...5 { history.add("command \(index)") }
        #expect(history.entries == ["command 3", "command 4", "command 5"])
    }

    @Test("a saved history loads back the same, into a folder made for it; a smaller cap keeps the newest")
    func saveAndLoad() throws {
        let folder = try TemporaryDirectory(prefix: "rbank-history")
        defer { folder.remove() }
        let file = folder.path("deeper/folder/repl_history").path
        let history = LineHistory(capacity: 100)
        let lines = ["bank search \"two words\"", "run 'a quote''s end'", #"back\slash"#, "ünïcödé ✓", "last"]
        for line in lines { history.add(line) }
        try history.save(to: file)

        let loaded = LineHistory(capacity: 100)
        loaded.load(from: file)
        #expect(loaded.entries == lines)
        let small = LineHistory(capacity: 2)
        small.load(from: file)
        #expect(small.entries == ["ünïcödé ✓", "last"])
    }

    @Test("a missing file is an empty history; an unwritable path is an error")
    func missingAndUnwritable() throws {
        let folder = try TemporaryDirectory(prefix: "rbank-history")
        defer { folder.remove() }
        let history = LineHistory()
        history.load(from: folder.path("none").path)
        #expect(history.entries.isEmpty)
        try "a file, not a folder".write(to: folder.path("blocker"), atomically: true, encoding: .utf8)
        history.add("x")
        #expect(throws: (any Error).self) { try history.save(to: folder.path("blocker/history").path) }
    }
}

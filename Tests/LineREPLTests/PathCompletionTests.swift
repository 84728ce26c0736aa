import Foundation
import LineREPL
import Testing
import TestSupport

@Suite("Path completion")
struct PathCompletionTests {
    @Test("entries of the typed folder that start with the typed name; folders end in a slash; hidden ones need a dot")
    func candidates() throws {
        let folder = try TemporaryDirectory(prefix: "rbank-paths")
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.path("data/demo"), withIntermediateDirectories: true)
        for name in ["data/bank.sqlite", "data/banner.txt", "data/.hidden", "notes.md"] {
            try "x".write(to: folder.path(name), atomically: true, encoding: .utf8)
        }
        let root = folder.url.path
        #expect(PathCompletion.candidates(for: "", workingDirectory: root) == ["data/", "notes.md"])
        #expect(PathCompletion.candidates(for: "data/ban", workingDirectory: root) == ["data/bank.sqlite", "data/banner.txt"])
        #expect(PathCompletion.candidates(for: "data/", workingDirectory: root) == ["data/bank.sqlite", "data/banner.txt", "data/demo/"])
        #expect(PathCompletion.candidates(for: "data/.", workingDirectory: root) == ["data/.hidden"])
        #expect(PathCompletion.candidates(for: root + "/no", workingDirectory: "/") == [root + "/notes.md"])
        #expect(PathCompletion.candidates(for: "missing/x", workingDirectory: root).isEmpty)
    }
}

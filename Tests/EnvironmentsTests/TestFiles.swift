import Foundation

enum TestFiles {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let qaTasks = repositoryRoot.appendingPathComponent("data/tasks/qa.jsonl")

    /// Writes `text` to a fresh temporary file and returns its URL.
    static func temporary(_ text: String, name: String = "tasks.jsonl") throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("qaworld-tests-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}

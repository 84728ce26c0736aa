import Foundation

/// Reading JSON-lines task files, shared by the worlds: the text, then its non-blank lines by number.
enum TaskFileText {
    /// The file's UTF-8 text, or the reason it cannot be read.
    static func read(_ url: URL) -> Result<String, TaskFileReadFailure> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(TaskFileReadFailure(reason: (error as NSError).localizedDescription))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(TaskFileReadFailure(reason: "it is not UTF-8 text"))
        }
        return .success(text)
    }

    /// Every non-blank line, trimmed, with its 1-based line number.
    static func lines(_ text: String) -> [(number: Int, text: String)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { offset, raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            return line.isEmpty ? nil : (offset + 1, line)
        }
    }
}

/// Why a task file could not be read.
struct TaskFileReadFailure: Error {
    var reason: String
}

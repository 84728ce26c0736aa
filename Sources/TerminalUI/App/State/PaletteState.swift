import Foundation

/// The `:` command palette's input line and its history (oldest first).
struct PaletteState: Sendable, Hashable {
    var input = LineInput()
    var history: [String] = []
    /// The history entry shown while browsing with up/down; nil while editing a fresh line.
    var historyIndex: Int?
    /// The fresh line, kept while browsing the history.
    var draft = ""

    static let historyLimit = 100

    mutating func open() {
        input = LineInput()
        historyIndex = nil
        draft = ""
    }

    mutating func previous() {
        guard !history.isEmpty else { return }
        let index: Int
        if let current = historyIndex {
            index = max(0, current - 1)
        } else {
            draft = input.text
            index = history.count - 1
        }
        historyIndex = index
        input = LineInput(history[index])
    }

    mutating func next() {
        guard let current = historyIndex else { return }
        if current + 1 < history.count {
            historyIndex = current + 1
            input = LineInput(history[current + 1])
        } else {
            historyIndex = nil
            input = LineInput(draft)
        }
    }

    /// The line to run, recorded in the history; nil for a blank line.
    mutating func submit() -> String? {
        let line = input.text.trimmingCharacters(in: .whitespaces)
        input = LineInput()
        historyIndex = nil
        guard !line.isEmpty else { return nil }
        if history.last != line { history.append(line) }
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        return line
    }
}

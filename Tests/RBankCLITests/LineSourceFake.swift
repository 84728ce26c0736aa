import LineREPL
import Synchronization

/// A line source that answers from a list (then reports the end of input), recording the prompts it was given.
final class LineSourceFake: LineSource {
    private let state: Mutex<(lines: [String], prompts: [String], interruptNext: Bool)>

    init(_ lines: [String]) { state = Mutex((lines, [], false)) }

    var prompts: [String] { state.withLock { $0.prompts } }

    /// Makes the next read report `.interrupted` (as Ctrl-C at the question would).
    var interruptNext: Bool {
        get { state.withLock { $0.interruptNext } }
        set { state.withLock { $0.interruptNext = newValue } }
    }

    func readLine(prompt: String, remember: Bool) async -> LineRead {
        state.withLock { state in
            state.prompts.append(prompt)
            if state.interruptNext {
                state.interruptNext = false
                return .interrupted
            }
            guard !state.lines.isEmpty else { return .end }
            return .line(state.lines.removeFirst())
        }
    }

    func interrupt() -> Bool { false }
}

/// Text printed by the code under test, collected.
final class Printed: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

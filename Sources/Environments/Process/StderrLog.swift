import Foundation
import Synchronization

/// A child process's stderr: each line goes to `sink` (the run log) and the last ones are kept for
/// error messages.
final class StderrLog: Sendable {
    private struct State {
        var pending = Data()
        var recent: [String] = []
    }

    private let state = Mutex(State())
    private let sink: @Sendable (String) -> Void
    private let keep = 20

    init(sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    func feed(_ data: Data) {
        let lines: [String] = state.withLock { state in
            state.pending.append(data)
            var lines: [String] = []
            while let newline = state.pending.firstIndex(of: 0x0A) {
                lines.append(String(decoding: state.pending[state.pending.startIndex..<newline], as: UTF8.self))
                state.pending.removeSubrange(state.pending.startIndex...newline)
            }
            if state.pending.count > 64 << 10 {
                lines.append(String(decoding: state.pending.prefix(4096), as: UTF8.self) + "…")
                state.pending.removeAll()
            }
            state.recent = Array((state.recent + lines).suffix(keep))
            return lines
        }
        for line in lines { sink(line) }
    }

    /// The last lines written, oldest first.
    var recent: [String] { state.withLock { $0.recent } }
}

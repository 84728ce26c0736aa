import Foundation
import Synchronization

/// A one-line progress bar on standard error, redrawn in place; silent when stderr is not a terminal.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let lastDrawn = Mutex(Date.distantPast)

    init(enabled: Bool) { self.enabled = enabled }

    func update(completed: Int, total: Int, label: String) {
        guard enabled, total > 0 else { return }
        // At most ~20 redraws a second, and always the last one.
        let now = Date()
        let due = lastDrawn.withLock { last in
            guard completed == total || now.timeIntervalSince(last) > 0.05 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let width = 30
        let filled = completed * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(bar) \(completed)/\(total) \(label)".padding(toLength: 78, withPad: " ", startingAt: 0)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 78) + "\r").utf8))
    }
}

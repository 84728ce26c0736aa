import Foundation
import Synchronization

/// The signals that reached the session itself (none of its commands was running).
final class SessionSignals: Sendable {
    private let last = Atomic<Int32>(0)

    func record(_ number: Int32) { last.store(number, ordering: .sequentiallyConsistent) }

    /// The status to leave with, if a signal asks the session to end: SIGTERM always; SIGINT when a script
    /// is read (at a terminal, Ctrl-C only clears the line). A SIGINT that does not end the session is forgotten.
    func exitStatus(interactive: Bool) -> Int32? {
        switch last.exchange(0, ordering: .sequentiallyConsistent) {
        case SIGTERM: 143
        case SIGINT where !interactive: 130
        default: nil
        }
    }
}

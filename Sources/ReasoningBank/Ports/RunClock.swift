import Foundation

/// Wall-clock time for records. (Named so it never shadows Swift's `Clock`.)
public protocol RunClock: Sendable {
    func now() -> Date
}

/// The system's clock.
public struct SystemRunClock: RunClock {
    public init() {}
    public func now() -> Date { Date() }
}

import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a handler on the main actor when the process receives a signal, through a `DispatchSource`,
/// and gives the signal back its previous disposition when cancelled.
///
/// The signal is first set to `SIG_IGN` (when it had its default action), so that it cannot terminate
/// the process before the source is registered. On Linux, libdispatch then installs its own `sigaction`
/// handler (which forwards the signal to a `signalfd`) — but only the first time it sees that signal in
/// the process. So when a watch is cancelled, libdispatch's handler is remembered, and a later watch on
/// the same signal puts it back; without that, a second watch (a second run in the same process) would
/// never fire. A signal the process inherited as ignored (`nohup`, background jobs) is not watched.
@MainActor
final class SignalWatch {
    /// libdispatch's handler per signal, seen when an earlier watch was cancelled.
    private static var dispatchActions: [Int32: sigaction] = [:]

    let signal: Int32
    private var previous = sigaction()
    private var source: (any DispatchSourceSignal)?

    /// Starts watching `signal`; nil when the process inherited it as ignored.
    init?(signal: Int32, handler: @escaping @MainActor () -> Void) {
        self.signal = signal
        sigaction(signal, nil, &previous)
        if Self.address(of: previous) == Self.ignoreAddress { return nil }
        if Self.address(of: previous) == Self.defaultAddress {
            Self.ignore(signal)
            if var action = Self.dispatchActions[signal] { sigaction(signal, &action, nil) }
        }
        let source = DispatchSource.makeSignalSource(signal: signal, queue: .main)
        source.setEventHandler { MainActor.assumeIsolated { handler() } }
        source.resume()
        self.source = source
    }

    /// Stops watching and restores the disposition the signal had before. Idempotent.
    func cancel() {
        guard let source else { return }
        self.source = nil
        source.cancel()
        var current = sigaction()
        sigaction(signal, nil, &current)
        let handler = Self.address(of: current)
        if handler != Self.defaultAddress, handler != Self.ignoreAddress, handler != Self.address(of: previous) {
            Self.dispatchActions[signal] = current
        }
        sigaction(signal, &previous, nil)
    }

    private static let defaultAddress = 0
    private static let ignoreAddress = 1

    /// The handler of `action` as a number: 0 for `SIG_DFL`, 1 for `SIG_IGN`, an address otherwise.
    private static func address(of action: sigaction) -> Int {
        #if os(Linux)
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
        #else
        unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self)
        #endif
    }

    /// Sets `number` to `SIG_IGN` (`signal(2)`, which the `signal` property hides in this type).
    private static func ignore(_ number: Int32) {
        #if canImport(Glibc)
        _ = Glibc.signal(number, SIG_IGN)
        #else
        _ = Darwin.signal(number, SIG_IGN)
        #endif
    }
}

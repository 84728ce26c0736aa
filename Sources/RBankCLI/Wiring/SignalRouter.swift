import Dispatch
import Foundation
import Synchronization

/// The process's SIGINT and SIGTERM handling: a stack of handlers, the top one called for each signal.
final class SignalRouter: Sendable {
    static let shared = SignalRouter()

    private struct State {
        var nextID = 0
        var handlers: [(id: Int, handler: @Sendable (Int32) -> Void)] = []
        var sources: [any DispatchSourceSignal] = []
    }

    private static let signals = [SIGINT, SIGTERM]
    private let state = Mutex(State())

    /// Pushes `handler`; catches the signals if no scope was open.
    func open(_ handler: @escaping @Sendable (Int32) -> Void) -> Int {
        state.withLock { state in
            if state.handlers.isEmpty {
                state.sources = Self.signals.map { number in
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                    source.setEventHandler { [weak self] in self?.deliver(number) }
                    source.resume()
                    return source
                }
            }
            state.nextID += 1
            state.handlers.append((state.nextID, handler))
            return state.nextID
        }
    }

    /// Removes the handler of `scope`; the signals take their default actions again once none is left.
    func close(_ scope: Int) {
        state.withLock { state in
            state.handlers.removeAll { $0.id == scope }
            guard state.handlers.isEmpty else { return }
            for source in state.sources { source.cancel() }
            state.sources.removeAll()
            // Ignoring a signal first discards it wherever it is still pending, so a Ctrl-C that came as the
            // last scope closed cannot end the process once the default action is back.
            for number in Self.signals {
                signal(number, SIG_IGN)
                signal(number, SIG_DFL)
            }
        }
    }

    /// Calls the innermost handler with `number` (what the signal sources do when a signal arrives).
    func deliver(_ number: Int32) {
        let handler = state.withLock { $0.handlers.last?.handler }
        handler?(number)
    }
}

import Foundation
import Synchronization

/// Lines of a child process's output, as they arrive, waited for one at a time with a timeout.
/// Fed from a Dispatch readability handler; read from one task at a time.
final class LineQueue: Sendable {
    /// What waiting for the next line gave.
    enum Event: Sendable, Equatable {
        case line(String)
        /// The output closed (the process exited or closed it).
        case closed
        case timedOut
        case cancelled
    }

    private struct Waiter {
        var token: Int
        var continuation: CheckedContinuation<Event, Never>
    }

    private struct State {
        var pending = Data()
        var lines: [String] = []
        var closed = false
        var waiter: Waiter?
        var nextToken = 0
    }

    private let state = Mutex(State())
    /// The longest line kept; longer lines are cut (a protocol line is never this long).
    private let maximumLineBytes = 16 << 20

    /// Adds bytes; complete lines are delivered (CR before LF is dropped).
    func feed(_ data: Data) {
        let deliveries: [(CheckedContinuation<Event, Never>, Event)] = state.withLock { state in
            state.pending.append(data)
            while let newline = state.pending.firstIndex(of: 0x0A) {
                var line = state.pending[state.pending.startIndex..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                state.lines.append(String(decoding: line, as: UTF8.self))
                state.pending.removeSubrange(state.pending.startIndex...newline)
            }
            if state.pending.count > maximumLineBytes {
                state.lines.append(String(decoding: state.pending.prefix(4096), as: UTF8.self))
                state.pending.removeAll()
            }
            guard !state.lines.isEmpty, let waiter = state.waiter else { return [] }
            state.waiter = nil
            return [(waiter.continuation, .line(state.lines.removeFirst()))]
        }
        for (continuation, event) in deliveries { continuation.resume(returning: event) }
    }

    /// The output ended; a last unterminated line is delivered first.
    func close() {
        let delivery: (CheckedContinuation<Event, Never>, Event)? = state.withLock { state in
            if !state.pending.isEmpty {
                state.lines.append(String(decoding: state.pending, as: UTF8.self))
                state.pending.removeAll()
            }
            state.closed = true
            guard let waiter = state.waiter else { return nil }
            state.waiter = nil
            return (waiter.continuation, state.lines.isEmpty ? .closed : .line(state.lines.removeFirst()))
        }
        if let (continuation, event) = delivery { continuation.resume(returning: event) }
    }

    /// The next line, or why there is none: the output closed, `timeout` passed, or the task was cancelled.
    func next(timeout: Duration) async -> Event {
        let token = state.withLock { state -> Int in
            state.nextToken += 1
            return state.nextToken
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Event, Never>) in
                let immediate: Event? = state.withLock { state in
                    if !state.lines.isEmpty { return .line(state.lines.removeFirst()) }
                    if state.closed { return .closed }
                    state.waiter = Waiter(token: token, continuation: continuation)
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                    return
                }
                Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    self?.release(token, with: .timedOut)
                }
            }
        } onCancel: {
            release(token, with: .cancelled)
        }
    }

    /// Resumes the waiter `token` with `event`, if it is still waiting.
    private func release(_ token: Int, with event: Event) {
        let waiter: Waiter? = state.withLock { state in
            guard let waiter = state.waiter, waiter.token == token else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.continuation.resume(returning: event)
    }
}

import Dispatch
import Foundation

/// Runs work that Ctrl-C (SIGINT) or SIGTERM cancels instead of killing the process, so a run
/// in progress is recorded as cancelled.
///
/// Scopes nest, and a signal goes to the innermost one open: the REPL holds a scope for its whole
/// session, one per command inside it, and `rbank run` opens its own inside that. While any scope is
/// open the two signals are caught; when the last one closes they take their default actions again.
enum SignalCancellation {
    /// Runs `body` as a task that SIGINT or SIGTERM cancels; cancelling the caller cancels it too.
    static func run<T: Sendable>(_ body: sending @escaping () async throws -> T) async throws -> T {
        let work = Task { try await body() }
        return try await withHandler({ _ in work.cancel() }) {
            try await withTaskCancellationHandler { try await work.value } onCancel: { work.cancel() }
        }
    }

    /// Runs `body` with `handler` receiving SIGINT and SIGTERM (the signal's number) while no scope opened
    /// inside it is open.
    static func withHandler<T>(
        _ handler: @escaping @Sendable (Int32) -> Void, _ body: () async throws -> T
    ) async rethrows -> T {
        let scope = SignalRouter.shared.open(handler)
        defer { SignalRouter.shared.close(scope) }
        return try await body()
    }
}

import Foundation
import Synchronization
import Testing

@testable import RBankCLI

@Suite("Signal scopes nest: the innermost open scope gets SIGINT and SIGTERM", .serialized)
struct SignalRouterTests {
    private final class Received: Sendable {
        let signals = Mutex<[String]>([])
        func handler(_ name: String) -> @Sendable (Int32) -> Void {
            { number in self.signals.withLock { $0.append("\(name):\(number)") } }
        }
    }

    private static func disposition(_ number: Int32) -> UInt {
        var action = sigaction()
        sigaction(number, nil, &action)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UInt.self)
    }

    @Test("a signal goes to the innermost scope; closing it hands signals back out; the defaults return with the last")
    func nesting() {
        let router = SignalRouter()
        let received = Received()
        let outer = router.open(received.handler("outer"))
        #expect(Self.disposition(SIGINT) != unsafeBitCast(SIG_DFL, to: UInt.self))
        let inner = router.open(received.handler("inner"))
        router.deliver(SIGINT)
        router.close(inner)
        router.deliver(SIGTERM)
        router.close(outer)
        #expect(received.signals.withLock { $0 } == ["inner:\(SIGINT)", "outer:\(SIGTERM)"])
        #expect(Self.disposition(SIGINT) == unsafeBitCast(SIG_DFL, to: UInt.self))
        #expect(Self.disposition(SIGTERM) == unsafeBitCast(SIG_DFL, to: UInt.self))
        router.deliver(SIGINT)
        #expect(received.signals.withLock { $0 }.count == 2)
    }

    @Test("SignalCancellation.run returns the body's value, and cancelling the caller cancels the body")
    func runAndCancel() async throws {
        #expect(try await SignalCancellation.run { 42 } == 42)
        let started = Received()
        let outer = Task {
            try await SignalCancellation.run {
                started.signals.withLock { $0.append("started") }
                try await Task.sleep(for: .seconds(60))
                return 0
            }
        }
        while started.signals.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(5)) }
        outer.cancel()
        await #expect(throws: CancellationError.self) { try await outer.value }
    }
}

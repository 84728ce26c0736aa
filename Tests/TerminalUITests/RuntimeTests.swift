import Foundation
import Synchronization
import Testing

@testable import TerminalUI

@Suite("TerminalRuntime on the headless backend")
@MainActor
struct RuntimeTests {
    typealias Runtime = TerminalRuntime<CounterProgram>

    @Test("keys become messages, the first message is the size, and run returns the final state")
    func keysReduce() async throws {
        let backend = HeadlessBackend(size: Size(width: 40, height: 8))
        backend.inject(keys: [.character("a"), .up, .control("c"), .function(5), .character("q")])
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let state = try await runtime.run { _ in }
        #expect(state.keys == [.character("a"), .up, .control("c"), .function(5)])
        #expect(state.sizes == [Size(width: 40, height: 8)])
        #expect(state.finished)
        #expect(backend.frameCount >= 1)
        #expect(backend.frames.first?.line(0).hasPrefix("size 40x8") == true)
        #expect(!backend.isActive, "the backend is stopped when run returns")
    }

    @Test("a resize input reaches the program and the next frame has the new size")
    func resize() async throws {
        let backend = HeadlessBackend(size: Size(width: 40, height: 8))
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let run = Task { try await runtime.run { _ in } }
        try await eventually { backend.frameCount >= 1 }
        backend.inject(.resize(Size(width: 60, height: 12)))
        try await eventually { backend.lastFrame?.size == Size(width: 60, height: 12) }
        #expect(backend.lastFrame?.line(0).hasPrefix("size 60x12") == true)
        backend.inject(.key(.character("q")))
        let state = try await run.value
        #expect(state.sizes == [Size(width: 40, height: 8), Size(width: 60, height: 12)])
    }

    @Test("effects are performed, and what they send back arrives")
    func effects() async throws {
        let backend = HeadlessBackend()
        backend.inject(.key(.character("x")))
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let performed = Locked<[CounterProgram.Effect]>([])
        let state = try await runtime.run { effect in
            performed.withLock { $0.append(effect) }
            if case .echo(let text) = effect {
                runtime.send(.echoed(text))
                runtime.send(.finish)
            }
        }
        #expect(state.echoed == ["x"])
        #expect(performed.withLock { $0 } == [.echo("x")])
    }

    @Test("an effect that never ends does not hold up the loop, and is cancelled when the program finishes")
    func effectsDoNotBlock() async throws {
        let backend = HeadlessBackend()
        backend.inject(keys: [.character("b"), .character("a"), .character("q")])
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let cancelled = Locked(false)
        let state = try await runtime.run { effect in
            guard effect == .block else { return }
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                cancelled.withLock { $0 = true }
            }
        }
        #expect(state.keys == [.character("a")])
        try await eventually { cancelled.withLock { $0 } }
    }

    @Test("messages sent from other tasks arrive, in order per sender")
    func messagesFromOtherTasks() async throws {
        let backend = HeadlessBackend()
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let run = Task { try await runtime.run { _ in } }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<25 { runtime.send(.add(1)) } }
            }
        }
        runtime.send(.finish)
        let state = try await run.value
        #expect(state.count == 100)
    }

    @Test(
        "a burst of 1000 messages from another task is drawn in far fewer frames than messages",
        arguments: [Duration.milliseconds(16), .zero])
    func burstCoalesces(pacing: Duration) async throws {
        let backend = HeadlessBackend()
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        runtime.minimumFrameInterval = pacing
        let run = Task { try await runtime.run { _ in } }
        try await eventually { backend.frameCount >= 1 }
        let sender = Task.detached {
            for _ in 0..<1000 { runtime.send(.add(1)) }
        }
        await sender.value
        try await eventually { backend.lastFrame?.line(1).hasPrefix("count 1000") == true }
        runtime.send(.finish)
        let state = try await run.value
        #expect(state.count == 1000)
        #expect(backend.frameCount < 50, "1000 messages drew \(backend.frameCount) frames")
        print("burst: 1000 messages from another task, frames at least \(pacing) apart → \(backend.frameCount) frames")
    }

    @Test("messages already waiting are all reduced before the next frame, even with no frame pacing")
    func waitingMessagesCoalesce() async throws {
        let backend = HeadlessBackend()
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        runtime.minimumFrameInterval = .zero
        for _ in 0..<1000 { runtime.send(.add(1)) }
        let run = Task { try await runtime.run { _ in } }
        try await eventually { backend.lastFrame?.line(1).hasPrefix("count 1000") == true }
        runtime.send(.finish)
        let state = try await run.value
        #expect(state.count == 1000)
        #expect(backend.frameCount == 2, "the first frame, then one after the 1000 messages; drew \(backend.frameCount)")
    }

    @Test("withSuspendedTerminal suspends the backend while the body runs, then redraws")
    func suspendedTerminal() async throws {
        let backend = HeadlessBackend()
        backend.inject(.key(.character("e")))
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let state = try await runtime.run { effect in
            guard effect == .edit else { return }
            let status = await runtime.withSuspendedTerminal { () -> Int32 in
                let suspended = await MainActor.run { backend.isSuspended }
                return suspended ? 7 : 0
            }
            runtime.send(.edited(status))
            await MainActor.run { #expect(!backend.isSuspended) }
            try? await Task.sleep(for: .milliseconds(50))
            runtime.send(.finish)
        }
        #expect(state.edited == 7)
        #expect(backend.suspendCount == 1)
        #expect(backend.frames.contains { $0.line(5).hasPrefix("edited: 7") })
    }

    @Test("withSuspendedTerminal outside a run just runs the body")
    func suspendedTerminalOutsideRun() async throws {
        let backend = HeadlessBackend()
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let value = await runtime.withSuspendedTerminal { 42 }
        #expect(value == 42)
        #expect(backend.suspendCount == 0)
    }

    @Test("an error from the body still resumes the terminal")
    func suspendedTerminalError() async throws {
        struct Boom: Error {}
        let backend = HeadlessBackend()
        backend.inject(.key(.character("e")))
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let threw = Locked(false)
        _ = try await runtime.run { effect in
            guard effect == .edit else { return }
            do {
                try await runtime.withSuspendedTerminal { () throws -> Int in throw Boom() }
            } catch {
                threw.withLock { $0 = true }
            }
            let suspended = await MainActor.run { backend.isSuspended }
            runtime.send(.edited(suspended ? 1 : 0))
            runtime.send(.finish)
        }
        #expect(threw.withLock { $0 })
        #expect(!backend.isSuspended)
    }

    @Test("a runtime runs once")
    func runsOnce() async throws {
        let backend = HeadlessBackend()
        backend.inject(.key(.character("q")))
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        _ = try await runtime.run { _ in }
        await #expect(throws: TerminalRuntimeError.alreadyRun) { _ = try await runtime.run { _ in } }
    }

    @Test("cancelling the task that runs it stops the backend and throws CancellationError")
    func cancellation() async throws {
        let backend = HeadlessBackend()
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        let run = Task { try await runtime.run { _ in } }
        try await eventually { backend.frameCount >= 1 }
        run.cancel()
        await #expect(throws: CancellationError.self) { _ = try await run.value }
        #expect(!backend.isActive)
    }

    @Test("a backend that cannot start: run throws and the backend is stopped")
    func startFailure() async throws {
        let backend = FailingBackend()
        let runtime = Runtime(backend: backend, theme: .plain, state: .init())
        await #expect(throws: TerminalBackendError.notATerminal(stream: "input")) { _ = try await runtime.run { _ in } }
        #expect(backend.stopped)
    }

    @Test("the headless backend keeps at most frameLimit frames and counts them all")
    func headlessFrameLimit() throws {
        let backend = HeadlessBackend(size: Size(width: 4, height: 1), frameLimit: 2)
        try backend.start()
        for text in ["a", "b", "c"] {
            var grid = Grid(size: backend.size)
            grid.put(text, x: 0, y: 0)
            backend.draw(grid, theme: .plain)
        }
        #expect(backend.frames.map(\.text) == ["b", "c"])
        #expect(backend.frameCount == 3)
        #expect(throws: TerminalBackendError.alreadyStarted) { try backend.start() }
    }
}

/// A value shared with `@Sendable` closures.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}

/// A backend whose `start` fails, as `NCursesBackend` does without a terminal.
@MainActor
private final class FailingBackend: TerminalBackend {
    var stopped = false
    let inputs = AsyncStream<TerminalInput> { $0.finish() }
    var size: Size { Size(width: 80, height: 24) }
    func start() throws { throw TerminalBackendError.notATerminal(stream: "input") }
    func stop() { stopped = true }
    func draw(_ grid: Grid, theme: Theme) {}
    func suspend() {}
    func resume() {}
}

/// Waits (yielding, then sleeping a little) until `condition` holds; fails after a generous bound so a
/// broken runtime fails the test instead of hanging it. Nothing here measures time.
@MainActor
func eventually(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    for attempt in 0..<2000 {
        if condition() { return }
        if attempt < 50 { await Task.yield() } else { try await Task.sleep(for: .milliseconds(5)) }
    }
    Issue.record("the condition never held", sourceLocation: sourceLocation)
    throw CancellationError()
}

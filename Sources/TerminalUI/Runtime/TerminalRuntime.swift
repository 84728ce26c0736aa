#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `TerminalProgram` on a `TerminalBackend`: the Elm loop.
///
/// Key presses and size changes from the backend, and messages `send` delivers from any task, go
/// through one `AsyncStream` in the order they arrive. Each is reduced into the state; the effects
/// `reduce` asks for are handed to `perform`, each in its own task, so a slow effect never holds up the
/// loop. Drawing is coalesced: after a message the loop queues one render marker behind the messages
/// already waiting, so a burst of messages is reduced in full before the next frame is drawn, and frames
/// are at least `minimumFrameInterval` apart. The loop ends when `Program.isFinished(state)`.
///
/// The terminal is given back on every way out of `run`: a finished program, an error, or cancellation
/// of the task running it. While it runs, SIGTERM and SIGHUP restore the terminal and exit the process
/// with status 128 + the signal. SIGINT does the same (130) — in raw mode Ctrl-C is a key
/// (`.control("c")`) the program handles, so a SIGINT comes from `kill` — except while the terminal is
/// suspended for `withSuspendedTerminal`, where Ctrl-C belongs to the child (an editor) and is ignored.
/// Signals the process inherited as ignored (`nohup`) stay ignored. A process `exit()` and most
/// crashes restore the terminal through `NCursesBackend`'s `atexit` hook and crash handlers; after
/// `SIGKILL`, `reset` does.
@MainActor
public final class TerminalRuntime<Program: TerminalProgram> {
    private enum Event: Sendable {
        case message(Program.Message)
        case input(TerminalInput)
        /// Draw now if anything changed: queued behind the messages waiting when it was queued.
        case render
    }

    private enum Phase {
        case ready, running, finished
    }

    /// The shortest time between two frames (default 16 ms, about 60 frames a second), so that a
    /// stream of messages (model tokens) is not drawn once per message. Zero draws after every turn of
    /// the loop.
    public var minimumFrameInterval: Duration = .milliseconds(16)
    /// How many frames have been drawn.
    public private(set) var framesRendered = 0

    private let backend: any TerminalBackend
    private let theme: Theme
    private var state: Program.State
    private let events: AsyncStream<Event>
    private nonisolated let continuation: AsyncStream<Event>.Continuation
    private let clock = ContinuousClock()

    private var phase = Phase.ready
    private var size = Size(width: 0, height: 0)
    private var performer: (@Sendable (Program.Effect) async -> Void)?
    private var effects: [Int: Task<Void, Never>] = [:]
    private var nextEffect = 0
    private var needsRender = false
    private var renderQueued = false
    private var lastRender: ContinuousClock.Instant?
    private var pacing: Task<Void, Never>?
    private var isSuspended = false
    private var suspensionWaiters: [CheckedContinuation<Void, Never>] = []

    /// A runtime that will run `Program` from `state` on `backend`, drawing with `theme`.
    public init(backend: any TerminalBackend, theme: Theme, state: Program.State) {
        self.backend = backend
        self.theme = theme
        self.state = state
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
    }

    /// Delivers `message` to the program. Safe from any task or thread; messages sent before `run`
    /// starts wait for it, and those sent after it returned are dropped.
    public nonisolated func send(_ message: Program.Message) {
        continuation.yield(.message(message))
    }

    /// Starts the backend, tells the program its size, and runs the loop until the program has
    /// finished; then restores the terminal and returns the final state.
    ///
    /// Effects still running when the program finishes are cancelled. Throws what `backend.start()`
    /// throws, `CancellationError` when the calling task is cancelled first, and
    /// `TerminalRuntimeError.alreadyRun` on a second call.
    public func run(perform: @escaping @Sendable (Program.Effect) async -> Void) async throws -> Program.State {
        guard phase == .ready else { throw TerminalRuntimeError.alreadyRun }
        phase = .running
        performer = perform
        var signals: [SignalWatch] = []
        var forwarding: Task<Void, Never>?
        defer {
            forwarding?.cancel()
            finish()
            // After the terminal is restored, so a late signal still finds it restored.
            for watch in signals { watch.cancel() }
        }
        signals = [SIGINT, SIGTERM, SIGHUP].compactMap { number in
            SignalWatch(signal: number) { [weak self] in self?.received(signal: number) }
        }
        try backend.start()
        let inputs = backend.inputs
        forwarding = Task { [continuation] in
            for await input in inputs { continuation.yield(.input(input)) }
        }
        size = backend.size
        apply(Program.resizeMessage(size))
        render()
        var iterator = events.makeAsyncIterator()
        while !Program.isFinished(state) {
            guard let event = await iterator.next() else { break }
            handle(event)
        }
        if !Program.isFinished(state) { try Task.checkCancellation() }
        return state
    }

    /// Runs `body` with the terminal given back to the shell (for `$EDITOR`): the backend leaves
    /// full-screen mode and stops reading keys; afterwards it re-enters it and the screen is drawn again
    /// in full. Messages keep being reduced meanwhile, but nothing is drawn. Calls are taken one at a
    /// time; outside `run` the body just runs.
    ///
    /// The child process must run in the terminal's foreground process group to read the terminal
    /// (see `ForegroundProcess`).
    @discardableResult
    public func withSuspendedTerminal<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        while phase == .running, isSuspended {
            await withCheckedContinuation { suspensionWaiters.append($0) }
        }
        guard phase == .running else { return try await body() }
        isSuspended = true
        backend.suspend()
        do {
            let value = try await body()
            endSuspension()
            return value
        } catch {
            endSuspension()
            throw error
        }
    }

    // MARK: The loop

    private func handle(_ event: Event) {
        switch event {
        case .message(let message):
            apply(message)
        case .input(.key(let key)):
            apply(Program.keyMessage(key))
        case .input(.resize(let newSize)):
            size = newSize
            apply(Program.resizeMessage(newSize))
        case .render:
            renderQueued = false
            renderWhenDue()
            return
        }
        queueRender()
    }

    private func apply(_ message: Program.Message) {
        let requested = Program.reduce(&state, message)
        needsRender = true
        for effect in requested { launch(effect) }
    }

    private func launch(_ effect: Program.Effect) {
        guard let performer else { return }
        let id = nextEffect
        nextEffect += 1
        effects[id] = Task { [weak self] in
            await performer(effect)
            self?.effects[id] = nil
        }
    }

    private func queueRender() {
        guard !renderQueued else { return }
        renderQueued = true
        continuation.yield(.render)
    }

    /// Renders now, or queues a render for when `minimumFrameInterval` has passed since the last frame.
    private func renderWhenDue() {
        guard needsRender else { return }
        if let lastRender, minimumFrameInterval > .zero {
            let due = lastRender.advanced(by: minimumFrameInterval)
            if clock.now < due {
                renderQueued = true
                pacing = Task { [continuation] in
                    try? await Task.sleep(until: due, clock: .continuous)
                    continuation.yield(.render)
                }
                return
            }
        }
        render()
    }

    private func render() {
        guard needsRender, !isSuspended, phase == .running else { return }
        needsRender = false
        let grid = Program.render(state, size: size, theme: theme)
        backend.draw(grid, theme: theme)
        framesRendered += 1
        lastRender = clock.now
    }

    private func endSuspension() {
        isSuspended = false
        if phase == .running {
            backend.resume()
            needsRender = true
            render()
        }
        if !suspensionWaiters.isEmpty { suspensionWaiters.removeFirst().resume() }
    }

    /// Everything `run` leaves behind, on every way out.
    private func finish() {
        pacing?.cancel()
        pacing = nil
        for task in effects.values { task.cancel() }
        effects = [:]
        backend.stop()
        phase = .finished
        continuation.finish()
        let waiters = suspensionWaiters
        suspensionWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    private func received(signal number: Int32) {
        if number == SIGINT, isSuspended { return }
        backend.stop()
        exit(128 + number)
    }
}

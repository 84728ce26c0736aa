/// A backend without a terminal, for tests and `--headless` runs: it keeps the frames it is asked to
/// draw, has the size you give it, and reads the input you `inject`.
@MainActor
public final class HeadlessBackend: TerminalBackend {
    /// The screen size. Setting it does not tell the program; `inject(.resize(_:))` does both.
    public var size: Size
    /// The frames drawn, oldest first (at most `frameLimit` of them, when set).
    public private(set) var frames: [Grid] = []
    /// How many frames were drawn in all, including those no longer kept.
    public private(set) var frameCount = 0
    /// The theme of the last frame.
    public private(set) var lastTheme: Theme?
    /// The most frames kept; nil keeps every frame.
    public let frameLimit: Int?
    /// Whether the backend has started and not stopped.
    public private(set) var isActive = false
    /// Whether the backend is suspended (between `suspend` and `resume`).
    public private(set) var isSuspended = false
    /// How many times `suspend` left full-screen mode.
    public private(set) var suspendCount = 0

    public let inputs: AsyncStream<TerminalInput>
    private let continuation: AsyncStream<TerminalInput>.Continuation
    private var hasStarted = false

    /// A headless screen of `size`; `frameLimit` bounds the frames kept (for long `--headless` runs).
    public init(size: Size = Size(width: 80, height: 24), frameLimit: Int? = nil) {
        self.size = size
        self.frameLimit = frameLimit.map { max(1, $0) }
        (inputs, continuation) = AsyncStream.makeStream(of: TerminalInput.self)
    }

    /// The last frame drawn.
    public var lastFrame: Grid? { frames.last }

    /// Delivers `input` as if the terminal had produced it; a `.resize` also sets `size`.
    public func inject(_ input: TerminalInput) {
        if case .resize(let newSize) = input { size = newSize }
        continuation.yield(input)
    }

    /// Delivers each key in turn.
    public func inject(keys: [Key]) {
        for key in keys { inject(.key(key)) }
    }

    /// Ends the input, as a closed terminal would.
    public func finishInput() {
        continuation.finish()
    }

    public func start() throws {
        guard !hasStarted else { throw TerminalBackendError.alreadyStarted }
        hasStarted = true
        isActive = true
    }

    public func stop() {
        isActive = false
        isSuspended = false
        continuation.finish()
    }

    public func draw(_ grid: Grid, theme: Theme) {
        guard isActive, !isSuspended else { return }
        frames.append(grid)
        frameCount += 1
        lastTheme = theme
        if let frameLimit, frames.count > frameLimit { frames.removeFirst(frames.count - frameLimit) }
    }

    public func suspend() {
        guard isActive, !isSuspended else { return }
        isSuspended = true
        suspendCount += 1
    }

    public func resume() {
        isSuspended = false
    }
}

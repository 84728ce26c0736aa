import CNCursesW
import Dispatch
import Foundation
import Synchronization

/// The terminal backend: ncursesw on the process's terminal (or, for tests, on files).
///
/// Every ncurses call happens on the main actor. Input is read by a `DispatchSource` on the main queue
/// that drains `wget_wch` (non-blocking) whenever standard input is readable; keys are decoded by
/// `KeyDecoder`. A size change is noticed through `SIGWINCH` (a `SignalWatch`: standard input does not
/// become readable when the window changes, so ncurses' own `KEY_RESIZE` alone would wait for the next
/// key press); the backend then calls `resizeterm` and reports `.resize`. A `KEY_RESIZE` from ncurses is
/// honoured too, and a size is reported once however many signals announce it.
///
/// Drawing keeps the previous frame and writes only the cells that changed (per row, the span from the
/// first to the last changed cell, widened so wide characters are written whole), then `wnoutrefresh` +
/// `doupdate` once. Colours are ncurses colour pairs allocated on demand per (foreground, background);
/// 24-bit colours become the nearest of the terminal's 256 (or 8/16) colours. With `NO_COLOR` set (to
/// anything non-empty) or on a terminal without colours, only attributes are drawn — every style as
/// `Style.monochrome`, which is how `Theme.monochrome` draws.
///
/// The terminal is restored by `stop()`; an `atexit` hook restores it too when the process calls
/// `exit()` while the screen is active, and crash handlers (`CrashRestoration`: Swift runtime traps,
/// `abort`, `SIGSEGV`, `SIGBUS`, `SIGFPE`) restore it as far as a signal handler can before the crash
/// goes on to the runtime's backtracer. `SIGKILL`, or a crash inside those handlers, leaves the shell
/// in raw mode on the alternate screen; `reset` (or `stty sane`) brings it back.
@MainActor
public final class NCursesBackend: TerminalBackend {
    private enum Mode {
        /// Standard input and output, which must be a terminal; `TERM` names its type.
        case terminal
        /// `newterm` on files (e.g. `/dev/null`, a pipe) with a fixed size, for tests.
        case files(input: String, output: String, terminalType: String, size: Size)
    }

    private enum Phase {
        case idle, active, suspended, stopped
    }

    /// Key presses and size changes, in order; finishes when the backend stops.
    public let inputs: AsyncStream<TerminalInput>
    private let continuation: AsyncStream<TerminalInput>.Continuation
    private let mode: Mode
    private let environment: [String: String]
    private var phase = Phase.idle

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var inputDescriptor: Int32 = -1
    private var readSource: (any DispatchSourceRead)?
    private var readSourceSuspended = false
    /// Consecutive times the input was readable but held nothing.
    private var emptyReads = 0
    private var windowChange: SignalWatch?
    /// The terminal's settings before curses, for `CrashRestoration`.
    private var shellSettings: termios?
    private var crashHandlersInstalled = false

    /// nil when drawing without colours.
    private var palette: ColorPalette?
    private var pairs = ColorPairs(limit: 0)
    private var renditions: [Style: (attributes: attr_t, pair: Int32)] = [:]
    private var previous: Grid?
    private var reportedSize: Size?
    private let cellCapacity = Int(rb_ccharw_max())
    /// How many cells the last `draw` wrote (for tests of the diffing).
    private(set) var cellsWrittenByLastDraw = 0

    /// A backend for the process's terminal (standard input and output). `environment` supplies
    /// `NO_COLOR`; ncurses reads `TERM`, `TERMINFO`, `ESCDELAY` and the like from the process itself.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.mode = .terminal
        self.environment = environment
        (inputs, continuation) = AsyncStream.makeStream(of: TerminalInput.self)
    }

    /// A backend that runs ncurses on files rather than the terminal — `newterm(terminalType, output,
    /// input)` — with a fixed `size`. For tests: draw, then read the screen back with `screenLine` and
    /// `screenCell`; keys written to a pipe opened as `inputPath` (e.g. `/dev/fd/N`) are read and decoded
    /// like a terminal's.
    public init(
        inputPath: String, outputPath: String, terminalType: String = "xterm-256color", size: Size,
        environment: [String: String] = [:]
    ) {
        self.mode = .files(input: inputPath, output: outputPath, terminalType: terminalType, size: size)
        self.environment = environment
        (inputs, continuation) = AsyncStream.makeStream(of: TerminalInput.self)
    }

    /// Whether styles are drawn without colours (`NO_COLOR`, or a terminal without colours). Known once
    /// started.
    public var isMonochrome: Bool { palette == nil }

    /// How many colours the terminal has (`COLORS`); 0 when drawing without colours.
    public var colorCount: Int { palette?.count ?? 0 }

    public var size: Size {
        if let window, phase == .active || phase == .suspended {
            return Size(width: Int(rb_getmaxx(window)), height: Int(rb_getmaxy(window)))
        }
        switch mode {
        case .terminal: return terminalSize() ?? Size(width: 80, height: 24)
        case .files(_, _, _, let size): return size
        }
    }

    // MARK: Life cycle

    public func start() throws {
        guard phase == .idle else { throw TerminalBackendError.alreadyStarted }
        TerminalLocale.configure()
        switch mode {
        case .terminal:
            guard isatty(STDIN_FILENO) == 1 else { throw TerminalBackendError.notATerminal(stream: "input") }
            guard isatty(STDOUT_FILENO) == 1 else { throw TerminalBackendError.notATerminal(stream: "output") }
            // Watch SIGWINCH before `newterm`, so ncurses leaves the signal to us.
            windowChange = SignalWatch(signal: SIGWINCH) { [weak self] in self?.windowChanged() }
            shellSettings = CrashRestoration.captureSettings(descriptor: STDIN_FILENO)
            fflush(rb_stdout())
            guard let screen = newterm(nil, rb_stdout(), rb_stdin()) else {
                windowChange?.cancel()
                windowChange = nil
                throw TerminalBackendError.unknownTerminal(type: environment["TERM"] ?? "")
            }
            self.screen = screen
            inputDescriptor = STDIN_FILENO
        case .files(let inputPath, let outputPath, let terminalType, let size):
            guard let output = fopen(outputPath, "w") else {
                throw TerminalBackendError.cannotOpen(path: outputPath, reason: String(cString: strerror(errno)))
            }
            guard let input = fopen(inputPath, "r") else {
                let reason = String(cString: strerror(errno))
                fclose(output)
                throw TerminalBackendError.cannotOpen(path: inputPath, reason: reason)
            }
            guard let screen = newterm(terminalType, output, input) else {
                fclose(input)
                fclose(output)
                throw TerminalBackendError.unknownTerminal(type: terminalType)
            }
            self.screen = screen
            inputFile = input
            outputFile = output
            inputDescriptor = fileno(input)
            resizeterm(Int32(size.height), Int32(size.width))
        }
        let window = rb_stdscr()
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        leaveok(window, true)
        set_escdelay(25)
        curs_set(0)
        setUpColors()
        phase = .active
        ExitRestoration.activate()
        if case .terminal = mode {
            CrashRestoration.install(outputDescriptor: STDOUT_FILENO, settings: shellSettings)
            crashHandlersInstalled = true
        }
        reportedSize = size
        previous = nil
        startReading()
    }

    public func stop() {
        switch phase {
        case .stopped:
            return
        case .idle:
            phase = .stopped
            continuation.finish()
            return
        case .active, .suspended:
            break
        }
        if let readSource {
            // A suspended source must be resumed before it is cancelled and released.
            if readSourceSuspended { readSource.resume() }
            readSource.cancel()
        }
        readSource = nil
        readSourceSuspended = false
        windowChange?.cancel()
        windowChange = nil
        if phase == .active {
            curs_set(1)
            endwin()
        }
        ExitRestoration.deactivate()
        if crashHandlersInstalled {
            CrashRestoration.uninstall()
            crashHandlersInstalled = false
        }
        if let screen { delscreen(screen) }
        screen = nil
        window = nil
        if let inputFile { fclose(inputFile) }
        if let outputFile { fclose(outputFile) }
        inputFile = nil
        outputFile = nil
        phase = .stopped
        continuation.finish()
    }

    public func suspend() {
        guard phase == .active else { return }
        if let readSource, !readSourceSuspended {
            readSource.suspend()
            readSourceSuspended = true
        }
        curs_set(1)
        endwin()
        phase = .suspended
        ExitRestoration.deactivate()
        if crashHandlersInstalled { CrashRestoration.setArmed(false) }
    }

    public func resume() {
        guard phase == .suspended, let window else { return }
        phase = .active
        ExitRestoration.activate()
        if crashHandlersInstalled { CrashRestoration.setArmed(true) }
        // `doupdate` after `endwin` re-enters program mode; then bring back what `endwin` undid.
        doupdate()
        keypad(window, true)
        curs_set(0)
        matchTerminalSize()
        clearok(window, true)
        previous = nil
        if let readSource, readSourceSuspended {
            readSource.resume()
            readSourceSuspended = false
        }
        reportSizeIfChanged()
    }

    // MARK: Drawing

    public func draw(_ grid: Grid, theme: Theme) {
        guard phase == .active, let window else { return }
        let screenSize = size
        let full = previous == nil || previous?.size != grid.size
        if full {
            werase(window)
            clearok(window, true)
        }
        let rows = min(grid.size.height, screenSize.height)
        let columns = min(grid.size.width, screenSize.width)
        cellsWrittenByLastDraw = 0
        for y in 0..<rows {
            if full {
                drawCells(of: grid, row: y, columns: 0..<columns, limit: columns)
            } else if let previous, let span = changedSpan(from: previous, to: grid, row: y, columns: columns) {
                drawCells(of: grid, row: y, columns: span, limit: columns)
            }
        }
        previous = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// The columns of `row` that differ between the frames, widened to whole wide characters.
    private func changedSpan(from old: Grid, to new: Grid, row y: Int, columns: Int) -> Range<Int>? {
        var first = 0
        while first < columns, old[first, y] == new[first, y] { first += 1 }
        guard first < columns else { return nil }
        var last = columns - 1
        while last > first, old[last, y] == new[last, y] { last -= 1 }
        if first > 0, old[first, y].content == .continuation || new[first, y].content == .continuation { first -= 1 }
        if last + 1 < columns, isWide(old[last, y]) || isWide(new[last, y]) { last += 1 }
        return first..<(last + 1)
    }

    private func isWide(_ cell: Cell) -> Bool {
        guard case .character(let character) = cell.content else { return false }
        return CharacterWidth.of(character) == 2
    }

    private func drawCells(of grid: Grid, row y: Int, columns: Range<Int>, limit: Int) {
        guard let window else { return }
        var covered = -1
        for x in columns {
            let cell = grid[x, y]
            let rendition = rendition(of: cell.style)
            var text: [wchar_t] = [0x20]
            switch cell.content {
            case .continuation:
                // The right half of a wide character ncurses has drawn; otherwise a lone half is a blank.
                if x == covered { continue }
            case .character(let character):
                let scalars = Array(character.unicodeScalars)
                let gridWidth = CharacterWidth.of(character)
                let cursesWidth = scalars.first.map { rb_wcwidth(wchar_t(bitPattern: $0.value)) } ?? -1
                if gridWidth == 2 && x + 1 >= limit {
                    text = [0x20]
                } else if cursesWidth >= 1 && cursesWidth <= max(1, gridWidth) {
                    text = scalars.prefix(cellCapacity).map { wchar_t(bitPattern: $0.value) }
                    if cursesWidth == 2 { covered = x + 1 }
                } else {
                    // A character the C library cannot show (or would draw wider than the grid says).
                    text = [0xFFFD]
                }
            }
            text.append(0)
            var value = cchar_t()
            rb_setcchar(&value, text, rendition.attributes, rendition.pair)
            mvwadd_wch(window, Int32(y), Int32(x), &value)
            cellsWrittenByLastDraw += 1
        }
    }

    private func rendition(of style: Style) -> (attributes: attr_t, pair: Int32) {
        if let known = renditions[style] { return known }
        var attributes = rb_attr_normal()
        if style.bold { attributes |= rb_attr_bold() }
        if style.dim { attributes |= rb_attr_dim() }
        if style.italic { attributes |= rb_attr_italic() }
        if style.underline { attributes |= rb_attr_underline() }
        if style.reverse { attributes |= rb_attr_reverse() }
        var pair: Int32 = 0
        if let palette {
            let foreground = palette.number(for: style.foreground, foreground: true)
            let background = palette.number(for: style.background, foreground: false)
            pair = pairs.pair(foreground: foreground, background: background) { number, foreground, background in
                init_extended_pair(number, foreground, background) == OK
            }
        }
        renditions[style] = (attributes, pair)
        return (attributes, pair)
    }

    private func setUpColors() {
        renditions = [:]
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        guard !noColor, has_colors() else {
            palette = nil
            return
        }
        start_color()
        let hasDefaultColors = use_default_colors() == OK
        palette = ColorPalette(count: Int(rb_colors()), hasDefaultColors: hasDefaultColors)
        pairs = ColorPairs(limit: rb_color_pairs())
    }

    // MARK: Input and size

    private func startReading() {
        guard inputDescriptor >= 0 else { return }
        let source = DispatchSource.makeReadSource(fileDescriptor: inputDescriptor, queue: .main)
        source.setEventHandler { [weak self] in
            MainActor.assumeIsolated { self?.readInput() }
        }
        readSource = source
        source.resume()
    }

    private func readInput() {
        guard phase == .active, let readSource else { return }
        let raw = readRaw()
        guard !raw.isEmpty else {
            // Readable but nothing to read. Once is a stale notice (input that arrived while suspended
            // and that the editor read); again and again is the end of input (a hung-up terminal, a
            // closed pipe, /dev/null), which stays readable forever: stop watching it.
            emptyReads += 1
            if emptyReads >= 3 {
                readSource.cancel()
                self.readSource = nil
            }
            return
        }
        emptyReads = 0
        deliver(KeyDecoder.decode(raw))
    }

    /// Everything `wget_wch` has right now (it does not block: `nodelay`).
    private func readRaw() -> [KeyDecoder.Raw] {
        guard let window else { return [] }
        var raw: [KeyDecoder.Raw] = []
        var value: wint_t = 0
        while raw.count < 4096 {
            let result = wget_wch(window, &value)
            if result == ERR { break }
            raw.append(result == KEY_CODE_YES ? .code(Int32(bitPattern: value)) : .character(value))
        }
        return raw
    }

    private func deliver(_ decoded: [KeyDecoder.Decoded]) {
        for item in decoded {
            switch item {
            case .key(let key): continuation.yield(.key(key))
            case .resize: reportSizeIfChanged()
            }
        }
    }

    private func windowChanged() {
        guard phase == .active else { return }
        matchTerminalSize()
        // `resizeterm` queued a KEY_RESIZE; reading it (and any keys) reports the size.
        deliver(KeyDecoder.decode(readRaw()))
        reportSizeIfChanged()
    }

    /// Resizes ncurses' screen to the terminal's size, when they differ.
    private func matchTerminalSize() {
        guard case .terminal = mode, let window, let actual = terminalSize() else { return }
        if actual.width != Int(rb_getmaxx(window)) || actual.height != Int(rb_getmaxy(window)) {
            resizeterm(Int32(actual.height), Int32(actual.width))
        }
    }

    private func terminalSize() -> Size? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard rb_window_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 else { return nil }
        return Size(width: Int(columns), height: Int(rows))
    }

    private func reportSizeIfChanged() {
        let current = size
        guard current != reportedSize else { return }
        reportedSize = current
        previous = nil
        continuation.yield(.resize(current))
    }

    // MARK: Test access

    /// Resizes the screen as a terminal resize would (`resizeterm`), and reports it.
    func simulateResize(to size: Size) {
        guard phase == .active else { return }
        resizeterm(Int32(size.height), Int32(size.width))
        deliver(KeyDecoder.decode(readRaw()))
        reportSizeIfChanged()
    }

    /// The text of screen row `y` as ncurses holds it (`mvwinnwstr`): wide characters once.
    func screenLine(_ y: Int) -> String {
        guard let window else { return "" }
        let width = Int(rb_getmaxx(window))
        var buffer = [wchar_t](repeating: 0, count: width * 2 + 1)
        let count = mvwinnwstr(window, Int32(y), 0, &buffer, Int32(width * 2))
        guard count != ERR else { return "" }
        let scalars = buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The cell at (`x`, `y`) as ncurses holds it (`mvwin_wch`): its characters, attributes and pair.
    func screenCell(x: Int, y: Int) -> (text: String, attributes: attr_t, pair: Int32) {
        guard let window else { return ("", 0, 0) }
        var value = cchar_t()
        mvwin_wch(window, Int32(y), Int32(x), &value)
        var text = [wchar_t](repeating: 0, count: cellCapacity + 1)
        var attributes: attr_t = 0
        var pair: Int32 = 0
        rb_getcchar(&value, &text, &attributes, &pair)
        let scalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return (String(String.UnicodeScalarView(scalars)), attributes, pair)
    }

    /// The colours of pair `pair` (`extended_pair_content`).
    func pairColors(_ pair: Int32) -> (foreground: Int32, background: Int32) {
        var foreground: Int32 = 0
        var background: Int32 = 0
        extended_pair_content(pair, &foreground, &background)
        return (foreground, background)
    }

    /// How many colour pairs have been allocated.
    var allocatedPairs: Int { pairs.count }
}

/// Restores the terminal when the process calls `exit()` with the screen active. At most one screen is
/// active at a time; the flag is atomic because `exit()` may be called from any thread.
private enum ExitRestoration {
    static let isActive = Atomic<Bool>(false)
    static let hook: Void = { atexit { ExitRestoration.restore() } }()

    static func activate() {
        _ = hook
        isActive.store(true, ordering: .sequentiallyConsistent)
    }

    static func deactivate() {
        isActive.store(false, ordering: .sequentiallyConsistent)
    }

    static func restore() {
        guard isActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
        _ = rb_endwin_if_active()
    }
}

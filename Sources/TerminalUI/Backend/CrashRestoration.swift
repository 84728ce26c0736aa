import CNCursesW
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Best-effort restoration of the terminal when the process crashes with the screen active: a Swift
/// runtime trap (`fatalError`, a failed precondition, a bad unwrap: `SIGILL`/`SIGTRAP`), `abort()`
/// (`SIGABRT`), `SIGSEGV`, `SIGBUS` or `SIGFPE`.
///
/// A crash handler may only do async-signal-safe work, so everything it needs is prepared when the
/// screen starts: the terminal's settings from before curses (`tcgetattr`), and the bytes that leave
/// full-screen mode — CAN (to end any half-written escape sequence), `rmkx`, `sgr0`, `cnorm` and `rmcup`
/// from terminfo. The handler writes those bytes, puts the settings back (`tcsetattr`) and then hands
/// the signal to the handler that was there before (the Swift runtime's backtracer, whose report then
/// lands on the normal screen, readable), or lets the default action end the process. Nothing here
/// can help with `SIGKILL` or a crash inside the handler itself; `reset` restores the terminal then.
enum CrashRestoration {
    /// The signals of a crash.
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// What the handler reads: prepared before it is installed, never freed (one allocation reused).
    struct Preparation {
        var descriptor: Int32
        var hasSettings: Bool
        var settings: termios
        var bytes: UnsafeMutablePointer<UInt8>
        var byteCount: Int
        /// The previous action of each signal, by number.
        var previous: UnsafeMutablePointer<sigaction>
    }

    private static let byteCapacity = 512
    private static let actionCapacity = 65

    /// The handler's data. Written only on the main actor while no crash handler of ours is installed
    /// (before `install`, after `uninstall`), read by the handler.
    nonisolated(unsafe) private static var preparation: UnsafeMutablePointer<Preparation>?
    /// Whether the terminal still needs restoring; `exchange` makes sure one path does it.
    private static let isArmed = Atomic<Bool>(false)

    /// Captures the terminal's settings (call before curses changes them).
    @MainActor
    static func captureSettings(descriptor: Int32) -> termios? {
        var settings = termios()
        return tcgetattr(descriptor, &settings) == 0 ? settings : nil
    }

    /// Installs the crash handlers for the screen now active on `outputDescriptor`, restoring `settings`
    /// on standard input. Call after `newterm`, so terminfo is loaded.
    @MainActor
    static func install(outputDescriptor: Int32, settings: termios?) {
        let prepared = preparation ?? allocate()
        preparation = prepared
        var bytes: [UInt8] = [0x18]
        for capability in ["rmkx", "sgr0", "cnorm", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes.append(contentsOf: Array(String(cString: value).utf8))
        }
        bytes = Array(bytes.prefix(byteCapacity))
        bytes.withUnsafeBufferPointer { buffer in
            prepared.pointee.bytes.update(from: buffer.baseAddress!, count: buffer.count)
        }
        prepared.pointee.byteCount = bytes.count
        prepared.pointee.descriptor = outputDescriptor
        prepared.pointee.hasSettings = settings != nil
        if let settings { prepared.pointee.settings = settings }
        for number in signals {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_sigaction = handleCrash
            #else
            action.__sigaction_u.__sa_sigaction = handleCrash
            #endif
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, prepared.pointee.previous.advanced(by: Int(number)))
        }
        isArmed.store(true, ordering: .sequentiallyConsistent)
    }

    /// Puts the previous crash handlers back.
    @MainActor
    static func uninstall() {
        isArmed.store(false, ordering: .sequentiallyConsistent)
        guard let prepared = preparation else { return }
        for number in signals {
            sigaction(number, prepared.pointee.previous.advanced(by: Int(number)), nil)
        }
    }

    /// Whether a crash now would restore the terminal (false while suspended or stopped).
    static func setArmed(_ armed: Bool) {
        isArmed.store(armed, ordering: .sequentiallyConsistent)
    }

    private static func allocate() -> UnsafeMutablePointer<Preparation> {
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: actionCapacity)
        previous.initialize(repeating: sigaction(), count: actionCapacity)
        let prepared = UnsafeMutablePointer<Preparation>.allocate(capacity: 1)
        prepared.initialize(
            to: Preparation(
                descriptor: STDOUT_FILENO, hasSettings: false, settings: termios(), bytes: bytes,
                byteCount: 0, previous: previous))
        return prepared
    }

    /// The crash handler: restore once, then pass the signal on.
    fileprivate static func restoreAndForward(
        _ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
    ) {
        guard let prepared = preparation else { return }
        if isArmed.exchange(false, ordering: .sequentiallyConsistent) {
            _ = write(prepared.pointee.descriptor, prepared.pointee.bytes, prepared.pointee.byteCount)
            if prepared.pointee.hasSettings {
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &prepared.pointee.settings)
            }
        }
        var previous = prepared.pointee.previous[Int(number)]
        #if os(Linux)
        let handlerAddress = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self)
        #else
        let handlerAddress = unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self)
        #endif
        if handlerAddress > 1 {
            if previous.sa_flags & SA_SIGINFO != 0 {
                #if os(Linux)
                previous.__sigaction_handler.sa_sigaction?(number, info, context)
                #else
                previous.__sigaction_u.__sa_sigaction?(number, info, context)
                #endif
            } else {
                #if os(Linux)
                previous.__sigaction_handler.sa_handler?(number)
                #else
                previous.__sigaction_u.__sa_handler?(number)
                #endif
            }
            return
        }
        // The default action (or none): put it back. A fault happens again when the handler returns and
        // then ends the process; a signal that was sent (kill, raise, abort) is raised again.
        sigaction(number, &previous, nil)
        if let info, info.pointee.si_code <= 0 { raise(number) }
    }
}

/// `CrashRestoration`'s handler as a C function.
private let handleCrash: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    number, info, context in
    CrashRestoration.restoreAndForward(number, info, context)
}

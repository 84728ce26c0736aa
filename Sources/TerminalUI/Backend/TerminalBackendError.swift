/// Why a terminal backend could not start.
public enum TerminalBackendError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped or redirected).
    case notATerminal(stream: String)
    /// ncurses does not know the terminal type (`TERM`), or could not set it up.
    case unknownTerminal(type: String)
    /// A file the backend was told to use (input or output) could not be opened.
    case cannotOpen(path: String, reason: String)
    /// `start` was called on a backend that already ran; a backend runs once.
    case alreadyStarted

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "the full-screen interface needs a terminal, but standard \(stream) is not one (run it in a terminal, or use --headless)"
        case .unknownTerminal(let type):
            "ncurses cannot drive the terminal type \"\(type)\" (check TERM, e.g. TERM=xterm-256color)"
        case .cannotOpen(let path, let reason):
            "cannot open \(path): \(reason)"
        case .alreadyStarted:
            "the terminal backend was already started; a backend runs once"
        }
    }
}

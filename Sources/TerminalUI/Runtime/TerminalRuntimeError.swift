/// Why `TerminalRuntime.run` refused to run.
public enum TerminalRuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `run` was called a second time; a runtime runs its program once.
    case alreadyRun

    public var description: String {
        switch self {
        case .alreadyRun: "the terminal runtime already ran; make a new runtime to run again"
        }
    }
}

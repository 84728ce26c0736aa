/// What reading a line gave.
public enum LineRead: Sendable, Hashable {
    /// A line, without its line break.
    case line(String)
    /// Ctrl-C at the prompt, or `interrupt()` while reading.
    case interrupted
    /// The end of input: Ctrl-D on an empty line, or the end of a pipe.
    case end
}

/// Where the REPL and step mode read lines from: a terminal with line editing, or plain standard input.
public protocol LineSource: AnyObject, Sendable {
    /// Reads one line after showing `prompt`. `remember` adds it to the history, when there is one.
    /// The wait happens off Swift's cooperative thread pool.
    func readLine(prompt: String, remember: Bool) async -> LineRead

    /// Ends the read in progress with `.interrupted`; returns whether there was one. Safe from any thread.
    @discardableResult
    func interrupt() -> Bool
}

/// The line source of the REPL session a command runs in, so that step mode asks its questions through
/// the same input (and, in a pipe, reads the answers from the same script).
public enum LineInput {
    @TaskLocal public static var current: (any LineSource)?
}

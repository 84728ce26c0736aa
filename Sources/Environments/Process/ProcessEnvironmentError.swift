import Foundation

/// Why an external environment process could not be used. Any of these ends a run as `error`.
public enum ProcessEnvironmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The command could not be started.
    case launchFailed(command: String, reason: String)
    /// The process exited (or closed its output) while rbank waited for `method`.
    case exited(command: String, method: String, status: Int32?, stderr: [String])
    /// No answer to `method` within the timeout; the process was stopped.
    case timedOut(command: String, method: String, seconds: Double, stderr: [String])
    /// The process wrote something that is not a JSON response to `method`.
    case garbage(command: String, method: String, line: String, reason: String)
    /// The environment answered `method` with an error.
    case failed(command: String, method: String, message: String, code: String?)
    /// The handshake named another protocol version.
    case protocolMismatch(command: String, theirs: Int, ours: Int)

    public var description: String {
        switch self {
        case .launchFailed(let command, let reason):
            return "The environment command `\(command)` could not be started: \(reason). Check the command and its working directory."
        case .exited(let command, let method, let status, let stderr):
            let how = status.map { "exited with status \($0)" } ?? "closed its output"
            return "The environment process `\(command)` \(how) during `\(method)`." + Self.tail(stderr)
        case .timedOut(let command, let method, let seconds, let stderr):
            return "The environment process `\(command)` did not answer `\(method)` within \(Self.seconds(seconds)) s and was stopped. "
                + "Raise ENV_TIMEOUT if it is just slow." + Self.tail(stderr)
        case .garbage(let command, let method, let line, let reason):
            let shown = line.count > 160 ? String(line.prefix(160)) + "…" : line
            return "The environment process `\(command)` wrote a line that is not a protocol response to `\(method)` (\(reason)): "
                + "\(shown.debugDescription). Only JSON responses may go to stdout; print logs to stderr. See docs/environment-protocol.md."
        case .failed(let command, let method, let message, let code):
            return "The environment `\(command)` failed `\(method)`" + (code.map { " (\($0))" } ?? "") + ": \(message)"
        case .protocolMismatch(let command, let theirs, let ours):
            return "The environment `\(command)` speaks protocol version \(theirs); this rbank speaks \(ours). See docs/environment-protocol.md."
        }
    }

    private static func tail(_ lines: [String]) -> String {
        lines.isEmpty ? " It wrote nothing to stderr." : " Its last stderr lines: " + lines.suffix(5).joined(separator: " ⏎ ")
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

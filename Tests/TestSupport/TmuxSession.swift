import Foundation

/// A real terminal for end-to-end tests: a program running in a detached tmux session on a private
/// server, driven by `send-keys` and read by `capture-pane`.
///
/// Each session has its own server (`tmux -L rbank-test-<uuid>`) with its own configuration: no status
/// line (the pane is the whole window), `TERM=tmux-256color` (or `screen-256color` without that
/// terminfo entry), and panes that stay after their program exits, so a test can read the last screen
/// and the exit status. The program gets a clean environment: `PATH`, `HOME`, `LANG=C.UTF-8`, `TERM`
/// and what `environment` adds.
///
/// The calls block the calling thread while tmux runs (milliseconds) and while `waitFor` polls.
public final class TmuxSession: Sendable {
    /// A terminal size in cells.
    public struct Size: Sendable, Hashable {
        public var width: Int
        public var height: Int

        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }

    /// A tmux command failed, or `waitFor` timed out (with the last screen it saw).
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var message: String
        /// The last capture of the pane, when there was one.
        public var lastCapture: String?

        public var description: String {
            guard let lastCapture else { return message }
            return "\(message)\n--- last screen ---\n\(lastCapture)\n--- end ---"
        }
    }

    /// The private server's socket name (`tmux -L`).
    public let socket: String
    /// The session's name on that server.
    public let name = "main"
    private let configuration: URL

    private init(socket: String, configuration: URL) {
        self.socket = socket
        self.configuration = configuration
    }

    // MARK: Availability

    /// The `tmux` executable on `PATH`, if there is one.
    public static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Whether tmux is installed; end-to-end tests are skipped without it.
    public static var isAvailable: Bool { executable != nil }

    /// Why tests that need tmux are skipped, for their `.enabled(if:)` comments.
    public static let unavailableReason = "tmux is not installed (apt-get install -y tmux); terminal end-to-end tests are skipped"

    // MARK: Life cycle

    /// Starts `command` (the program and its arguments) in a new detached session of `size`, in
    /// `workingDirectory`, with `environment` added to the clean base environment.
    public static func start(
        command: [String], size: Size, environment: [String: String] = [:], workingDirectory: URL
    ) throws -> TmuxSession {
        guard !command.isEmpty else { throw Failure(message: "tmux: no command to run") }
        let socket = "rbank-test-\(UUID().uuidString.lowercased())"
        let configuration = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        let terminal = terminfoExists("tmux-256color") ? "tmux-256color" : "screen-256color"
        let settings = [
            "set -g status off", "set -g remain-on-exit on", "set -g default-terminal \(terminal)",
            "set -g history-limit 0", "set -g escape-time 0",
        ]
        try (settings.joined(separator: "\n") + "\n").write(to: configuration, atomically: true, encoding: .utf8)
        let session = TmuxSession(socket: socket, configuration: configuration)
        var base = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp",
            "LANG": "C.UTF-8",
        ]
        base.merge(environment) { $1 }
        do {
            try session.tmux(
                ["new-session", "-d", "-s", session.name, "-x", String(size.width), "-y", String(size.height),
                 "-c", workingDirectory.path, "--"] + command,
                environment: base)
        } catch {
            session.kill()
            throw error
        }
        return session
    }

    /// Whether the program in the pane is still running.
    public var isAlive: Bool {
        (try? query("#{pane_dead}")) == "0"
    }

    /// The program's exit status once it has ended (128 + the signal when one ended it); nil while it runs.
    public var exitStatus: Int32? {
        guard !isAlive, let text = try? query("#{pane_dead_status}|#{pane_dead_signal}") else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        if parts.count == 2, let signal = Int32(parts[1]), signal > 0 { return 128 + signal }
        return parts.first.flatMap { Int32($0) }
    }

    /// The process id of the program in the pane (`#{pane_pid}`).
    public var processID: Int32? {
        (try? query("#{pane_pid}")).flatMap { Int32($0) }
    }

    /// A tmux format evaluated for the pane (`display-message -p`), e.g. `#{alternate_on}` (1 while the
    /// program shows the alternate screen) or `#{cursor_flag}` (1 while the cursor is visible).
    public func query(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Ends the session and its server, and removes the configuration file. Idempotent.
    public func kill() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: configuration)
    }

    deinit {
        kill()
    }

    // MARK: Driving

    /// Sends keys by their tmux names: `"Enter"`, `"Escape"`, `"Tab"`, `"BTab"`, `"Up"`, `"PageDown"`,
    /// `"F1"`, `"C-c"`, `"M-x"`, or single characters such as `"q"`.
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types `text` literally (`send-keys -l`): no key names.
    public func sendText(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", "--", text])
    }

    /// Resizes the window (and its pane), as a user resizing the terminal would; the program gets SIGWINCH.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The pane's screen as text, one line per row (trailing spaces removed by tmux).
    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Polls the screen every 50 ms until it contains `text`; returns that screen. Throws after
    /// `timeout` seconds, with the last screen in the error.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("\"\(text)\" on the screen", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen every 50 ms until `condition` holds for it; returns that screen.
    @discardableResult
    public func waitUntil(
        _ description: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last: String?
        while true {
            if let screen = try? capture() {
                last = screen
                if condition(screen) { return screen }
            }
            if Date() >= deadline {
                throw Failure(message: "timed out after \(timeout) s waiting for \(description)", lastCapture: last)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Polls every 50 ms until the program has ended; returns its exit status.
    @discardableResult
    public func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = exitStatus { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(message: "timed out after \(timeout) s waiting for the program to exit", lastCapture: try? capture())
    }

    // MARK: tmux

    /// Runs `tmux -L socket -f configuration arguments…`; returns its standard output.
    @discardableResult
    private func tmux(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
        guard let executable = Self.executable else { throw Failure(message: Self.unavailableReason) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-L", socket, "-f", configuration.path] + arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "tmux \(arguments.prefix(1).joined()) failed (\(process.terminationStatus)): \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func terminfoExists(_ name: String) -> Bool {
        guard let first = name.first else { return false }
        return ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"].contains {
            FileManager.default.fileExists(atPath: "\($0)/\(first)/\(name)")
        }
    }
}

import Foundation

/// A real terminal for end-to-end tests: a program running in a detached tmux session on a private
/// server, driven by `send-keys` and read by `capture-pane`.
///
/// Each session has its own server (`tmux -L rbank-test-<uuid>`) with its own configuration: no status
/// line (the pane is the whole window), `TERM=tmux-256color` (or `screen-256color` without that
/// terminfo entry), and panes that stay after their program exits, so a test can read the last screen.
/// The program gets a clean environment: `PATH`, `HOME`, `LANG=C.UTF-8`, `TERM` and what `environment`
/// adds.
///
/// The program runs under `/bin/sh`, which waits for it, writes its exit status to a file, and then
/// stays (asleep) as a user's shell would. So the terminal as the program left it — its last screen, the
/// cursor, the alternate screen — can be read after it exits (tmux forgets some of that once a pane is
/// dead, and may drop output a program writes just before it exits), and the status is known (tmux 3.3
/// does not reap a program whose last thread is not its main thread — every Swift program with an async
/// `main` — so the pane would keep a zombie and no status).
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
    private let statusFile: URL

    private init(socket: String, configuration: URL, statusFile: URL) {
        self.socket = socket
        self.configuration = configuration
        self.statusFile = statusFile
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
        let statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status")
        let session = TmuxSession(socket: socket, configuration: configuration, statusFile: statusFile)
        let wrapper = ["/bin/sh", "-c", "\"$@\"; echo $? > '\(statusFile.path)'; exec sleep 86400", "sh"]
        var base = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp",
            "LANG": "C.UTF-8",
        ]
        base.merge(environment) { $1 }
        do {
            try session.tmux(
                ["new-session", "-d", "-s", session.name, "-x", String(size.width), "-y", String(size.height),
                 "-c", workingDirectory.path, "--"] + wrapper + command,
                environment: base)
        } catch {
            session.kill()
            throw error
        }
        return session
    }

    /// Whether the program is still running.
    public var isAlive: Bool {
        exitStatus == nil && (try? query("#{pane_dead}")) == "0"
    }

    /// The program's exit status once it has ended (128 + the signal when one ended it); nil while it runs.
    public var exitStatus: Int32? {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The process id of the program (the child of the pane's shell), while it runs.
    public var processID: Int32? {
        guard let shell = (try? query("#{pane_pid}")).flatMap({ Int32($0) }) else { return nil }
        return Self.children(of: shell).first
    }

    /// The children of process `pid` (from `/proc`).
    public static func children(of pid: Int32) -> [Int32] {
        if let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) {
            return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.compactMap { Int32($0) }.filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid
        }.sorted()
    }

    /// A tmux format evaluated for the pane (`display-message -p`), e.g. `#{alternate_on}` (1 while the
    /// program shows the alternate screen) or `#{cursor_flag}` (1 while the cursor is visible).
    public func query(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Ends the session and its server, and removes its files. Idempotent.
    public func kill() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: configuration)
        try? FileManager.default.removeItem(at: statusFile)
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

    /// Polls every 50 ms until the tmux format `format` evaluates to `expected` for the pane (tmux reads
    /// the program's output asynchronously, so a flag such as `#{alternate_on}` lags the program a little).
    public func waitFor(format: String, toBe expected: String, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while true {
            last = (try? query(format)) ?? "(no answer)"
            if last == expected { return }
            if Date() >= deadline {
                throw Failure(
                    message: "timed out after \(timeout) s waiting for \(format) to be \(expected) (it is \(last))",
                    lastCapture: try? capture())
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
        let command = [executable.path, "-L", socket, "-f", configuration.path] + arguments
        let result = try Self.run(command, environment: environment ?? ProcessInfo.processInfo.environment)
        guard result.status == 0 else {
            let message = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "tmux \(arguments.prefix(1).joined()) failed (\(result.status)): \(message)")
        }
        return result.output
    }

    /// Runs `command` and collects its output, without `Foundation.Process`.
    ///
    /// The first tmux command forks the tmux server, which outlives it. `Foundation.Process` tells when a
    /// child has ended by a socket the child inherits, and the server would inherit it too, so `Process`
    /// would wait for the server; and every descriptor this process has open without close-on-exec
    /// (another test's pipes) would live on in the server. So the child gets standard input from
    /// `/dev/null`, two pipes for its output, no other descriptors, default signal dispositions and an
    /// empty signal mask; and the output is read while the client runs and once it has exited, never
    /// waiting for the end of the pipes (which a process spawned concurrently elsewhere might hold).
    private static func run(_ command: [String], environment: [String: String]) throws -> (status: Int32, output: String, errors: String) {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw Failure(message: "pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&errors) == 0 else {
            close(output[0])
            close(output[1])
            throw Failure(message: "pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        for descriptor in [output[0], errors[0]] { _ = fcntl(descriptor, F_SETFL, O_NONBLOCK) }
        defer {
            close(output[0])
            close(errors[0])
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        closeOtherDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        sigdelset(&everySignal, SIGKILL)
        sigdelset(&everySignal, SIGSTOP)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, &argv, &envp)
        close(output[1])
        close(errors[1])
        guard spawned == 0 else { throw Failure(message: "cannot run \(command[0]): \(String(cString: strerror(spawned)))") }

        var outputData = Data()
        var errorData = Data()
        var status: Int32 = 0
        while true {
            drain(output[0], into: &outputData)
            drain(errors[0], into: &errorData)
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid || (waited == -1 && errno != EINTR) { break }
            var descriptors = [pollfd(fd: output[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errors[0], events: Int16(POLLIN), revents: 0)]
            _ = poll(&descriptors, 2, 20)
        }
        drain(output[0], into: &outputData)
        drain(errors[0], into: &errorData)
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// Reads what `descriptor` (non-blocking) has now.
    private static func drain(_ descriptor: Int32, into data: inout Data) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == -1 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Closes every descriptor above 2 in the child: glibc's `posix_spawn_file_actions_addclosefrom_np`
    /// (looked up at run time: Swift's Glibc module does not declare it), or else each descriptor open now.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    private static func terminfoExists(_ name: String) -> Bool {
        guard let first = name.first else { return false }
        return ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"].contains {
            FileManager.default.fileExists(atPath: "\($0)/\(first)/\(name)")
        }
    }
}

import Foundation
import Synchronization

/// One child process that speaks the environment protocol over its stdin and stdout. Requests go out
/// one at a time; each must be answered within the timeout. A channel that failed once is broken and
/// is never used again.
actor ProcessChannel {
    let command: String
    let timeout: Duration
    private let process: Process
    private let input: FileHandle
    private let lines = LineQueue()
    private let stderr: StderrLog
    private var nextID = 1
    /// Set after any failure: the child is in an unknown state.
    private(set) var broken = false

    /// Starts `command` with `/bin/sh -c` in `workingDirectory`; its stderr lines go to `stderrLine`.
    init(
        command: String, workingDirectory: URL, timeout: Duration, stderrLine: @escaping @Sendable (String) -> Void
    ) throws {
        // Writing to a child that died must be an error, not a signal that kills rbank.
        signal(SIGPIPE, SIG_IGN)
        self.command = command
        self.timeout = timeout
        let stderr = StderrLog(sink: stderrLine)
        self.stderr = stderr
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec " + command]
        process.currentDirectoryURL = workingDirectory
        let stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let lines = self.lines
        stdoutPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                lines.close()
            } else {
                lines.feed(data)
            }
        }
        stderrPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil } else { stderr.feed(data) }
        }
        do { try process.run() } catch {
            throw ProcessEnvironmentError.launchFailed(command: command, reason: error.localizedDescription)
        }
        self.process = process
        self.input = stdinPipe.fileHandleForWriting
    }

    /// Sends `method` with `params` and decodes its result. Throws `ProcessEnvironmentError` when the
    /// child exits, stalls, writes garbage or answers with an error; `CancellationError` when the
    /// calling task is cancelled (the child is then stopped).
    func request<Params: Encodable & Sendable, Result: Decodable>(
        _ method: String, _ params: Params, as: Result.Type, timeout: Duration? = nil
    ) async throws -> Result {
        guard !broken else {
            throw ProcessEnvironmentError.exited(command: command, method: method, status: nil, stderr: stderr.recent)
        }
        do {
            return try await exchange(method, params, as: Result.self, timeout: timeout)
        } catch {
            broken = true
            stop()
            throw error
        }
    }

    private func exchange<Params: Encodable, Result: Decodable>(
        _ method: String, _ params: Params, as: Result.Type, timeout: Duration? = nil
    ) async throws -> Result {
        let timeout = timeout ?? self.timeout
        let id = nextID
        nextID += 1
        var data = try JSONEncoder().encode(ProtocolMessages.Request(id: id, method: method, params: params))
        data.append(0x0A)
        do { try input.write(contentsOf: data) } catch {
            throw ProcessEnvironmentError.exited(
                command: command, method: method, status: await exitStatus(), stderr: stderr.recent)
        }
        switch await lines.next(timeout: timeout) {
        case .line(let line):
            return try decode(line, id: id, method: method, as: Result.self)
        case .closed:
            throw ProcessEnvironmentError.exited(
                command: command, method: method, status: await exitStatus(), stderr: stderr.recent)
        case .timedOut:
            throw ProcessEnvironmentError.timedOut(
                command: command, method: method, seconds: Double(timeout.components.seconds)
                    + Double(timeout.components.attoseconds) / 1e18, stderr: stderr.recent)
        case .cancelled:
            throw CancellationError()
        }
    }

    private func decode<Result: Decodable>(_ line: String, id: Int, method: String, as: Result.Type) throws -> Result {
        let data = Data(line.utf8)
        let envelope: ProtocolMessages.Envelope
        do { envelope = try JSONDecoder().decode(ProtocolMessages.Envelope.self, from: data) } catch {
            throw ProcessEnvironmentError.garbage(command: command, method: method, line: line, reason: "not a JSON object")
        }
        guard envelope.id == id else {
            throw ProcessEnvironmentError.garbage(
                command: command, method: method, line: line,
                reason: envelope.id.map { "it answers request \($0), not \(id)" } ?? "it has no id")
        }
        let response: ProtocolMessages.Response<Result>
        do { response = try JSONDecoder().decode(ProtocolMessages.Response<Result>.self, from: data) } catch {
            throw ProcessEnvironmentError.garbage(
                command: command, method: method, line: line, reason: "its result has the wrong shape: \(Self.describe(error))")
        }
        if let error = response.error {
            throw ProcessEnvironmentError.failed(command: command, method: method, message: error.message, code: error.code)
        }
        guard let result = response.result else {
            throw ProcessEnvironmentError.garbage(command: command, method: method, line: line, reason: "it has neither result nor error")
        }
        return result
    }

    /// Says goodbye: `close`, then end of input; a child that does not exit within two seconds is killed.
    func shutDown() async {
        if !broken {
            broken = true
            _ = try? await exchange(
                "close", ProtocolMessages.Empty(), as: ProtocolMessages.Empty.self, timeout: min(timeout, .seconds(2)))
        }
        try? input.close()
        for _ in 0..<40 where process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        stop()
    }

    /// Kills the child (the protocol's graceful path is `shutDown`). Ignored signals are inherited by
    /// children, so SIGTERM may not reach it; SIGKILL always does.
    private func stop() {
        try? input.close()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The exit status once the child has exited (waiting a moment for it), or nil.
    private func exitStatus() async -> Int32? {
        for _ in 0..<10 where process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "missing \(Self.path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(Self.path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: decoding)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

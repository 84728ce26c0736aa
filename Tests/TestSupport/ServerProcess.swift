import Foundation

/// A Python test server started as a child process on 127.0.0.1. It prints its port(s) on its first
/// stdout line(s); it exits when its stdin closes (or its parent dies), so a crashed test leaves nothing behind.
public final class ServerProcess: Sendable {
    public struct StartupError: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public let process: Process
    /// The first `lineCount` stdout lines, trimmed.
    public let lines: [String]
    private let stdin: Pipe

    /// Starts `python3 script arguments…` and reads `lineCount` stdout lines (bounded; EOF means it died).
    /// The blocking start-up happens on a Dispatch thread, never on Swift's cooperative pool, so tests
    /// that start servers do not starve the other tests' tasks.
    public static func start(script: URL, arguments: [String] = [], lineCount: Int = 1) async throws -> ServerProcess {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try ServerProcess(script: script, arguments: arguments, lineCount: lineCount) })
            }
        }
    }

    private init(script: URL, arguments: [String], lineCount: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        try process.run()
        var text = ""
        var reads = 0
        while text.filter({ $0 == "\n" }).count < lineCount {
            reads += 1
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty || reads > 200 {
                process.terminate()
                throw StartupError(description: "\(script.lastPathComponent) did not report its port (got \(text.debugDescription))")
            }
            text += String(decoding: data, as: UTF8.self)
        }
        self.process = process
        self.stdin = stdin
        self.lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The `index`th line as a port number.
    public func port(line index: Int = 0) throws -> Int {
        guard lines.indices.contains(index), let port = Int(lines[index]) else {
            throw StartupError(description: "unexpected server output \(lines)")
        }
        return port
    }

    /// Stops the server: SIGTERM and end of stdin. The exit is awaited off the cooperative pool.
    public func stop() {
        if process.isRunning { process.terminate() }
        try? stdin.fileHandleForWriting.close()
        let process = self.process
        DispatchQueue.global().async { process.waitUntilExit() }
    }
}

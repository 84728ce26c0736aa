import Foundation
import Synchronization

/// Runs the real `rbank` binary, for end-to-end tests.
public struct BinaryRunner: Sendable {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `rbank` built beside this test bundle (or `RBANK_BIN`).
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["RBANK_BIN"] { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return bundle.deletingLastPathComponent().appendingPathComponent("rbank")
    }

    public var workingDirectory: URL
    public var environment: [String: String]

    /// A runner in `workingDirectory` with a clean environment: no provider keys, no logging to ./data.
    public init(workingDirectory: URL, environment: [String: String] = [:]) {
        self.workingDirectory = workingDirectory
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        base.merge(environment) { $1 }
        self.environment = base
    }

    /// Runs `rbank arguments…` with `input` on stdin and waits (at most `timeout` seconds).
    /// With `interruptWhen`, sends SIGINT (as Ctrl-C would) as soon as the condition holds (polled every 50 ms).
    ///
    /// The waiting happens on a Dispatch thread, never on Swift's cooperative pool, so a test that runs
    /// the binary does not starve the other tests' tasks.
    /// `executable` replaces the `rbank` binary (e.g. `/bin/sh` to run a script that calls it).
    public func run(
        _ arguments: [String], executable: URL? = nil, input: String? = nil, timeout: TimeInterval = 120,
        interruptWhen: (@Sendable () -> Bool)? = nil
    ) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try runBlocking(
                        arguments, executable: executable ?? Self.binary, input: input, timeout: timeout,
                        interruptWhen: interruptWhen)
                })
            }
        }
    }

    private func runBlocking(
        _ arguments: [String], executable: URL, input: String?, timeout: TimeInterval,
        interruptWhen: (@Sendable () -> Bool)?
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let condition = interruptWhen {
            DispatchQueue.global().async {
                while process.isRunning {
                    if condition() {
                        process.interrupt()
                        return
                    }
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
        }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Drain both pipes concurrently so a full pipe never blocks the child.
        let outData = LockedData()
        let errData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(stdout, outData), (stderr, errData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            group.wait()
        }
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self))
    }
}

/// Bytes written from one thread and read after a join.
private final class LockedData: Sendable {
    private let storage = Mutex(Data())
    func set(_ data: Data) { storage.withLock { $0 = data } }
    func get() -> Data { storage.withLock { $0 } }
}

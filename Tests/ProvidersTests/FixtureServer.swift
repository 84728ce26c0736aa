import Foundation
import Testing

/// Runs `Fixtures/http_fixture_server.py` (Python 3, standard library only) on 127.0.0.1.
/// The server also exits by itself when its stdin closes, its parent dies, or it idles.
final class FixtureServer {
    struct StartupError: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    let port: Int
    /// A port on 127.0.0.1 that was bound and released: nothing listens there.
    let closedPort: Int
    private let stdin: Pipe

    private init(process: Process, stdin: Pipe, port: Int, closedPort: Int) {
        self.process = process
        self.stdin = stdin
        self.port = port
        self.closedPort = closedPort
    }

    static func start() throws -> FixtureServer {
        guard let script = Bundle.module.url(
            forResource: "http_fixture_server", withExtension: "py", subdirectory: "Fixtures")
        else { throw StartupError(description: "http_fixture_server.py not found in the test bundle") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        try process.run()

        // Read the two port lines; bounded, and EOF means the server died.
        var text = ""
        var reads = 0
        while text.filter({ $0 == "\n" }).count < 2 {
            reads += 1
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty || reads > 200 {
                process.terminate()
                throw StartupError(description: "fixture server did not report its port (got \(text.debugDescription))")
            }
            text += String(decoding: data, as: UTF8.self)
        }
        let lines = text.split(separator: "\n").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard lines.count >= 2, let port = lines[0], let closed = lines[1] else {
            process.terminate()
            throw StartupError(description: "unexpected fixture server output \(text.debugDescription)")
        }
        return FixtureServer(process: process, stdin: stdin, port: port, closedPort: closed)
    }

    func url(_ pathAndQuery: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(pathAndQuery)")!
    }

    func stop() {
        if process.isRunning { process.terminate() }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// Starts a fixture server for the duration of `body`.
func withFixtureServer<T>(_ body: (FixtureServer) async throws -> T) async throws -> T {
    let server = try FixtureServer.start()
    defer { server.stop() }
    return try await body(server)
}

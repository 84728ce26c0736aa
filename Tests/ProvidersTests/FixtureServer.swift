import Foundation
import Testing
import TestSupport

/// Runs `Fixtures/http_fixture_server.py` (Python 3, standard library only) on 127.0.0.1.
/// The server also exits by itself when its stdin closes, its parent dies, or it idles.
final class FixtureServer {
    let server: ServerProcess
    let port: Int
    /// A port on 127.0.0.1 that was bound and released: nothing listens there.
    let closedPort: Int

    private init(server: ServerProcess) throws {
        self.server = server
        self.port = try server.port(line: 0)
        self.closedPort = try server.port(line: 1)
    }

    static func start() async throws -> FixtureServer {
        guard let script = Bundle.module.url(
            forResource: "http_fixture_server", withExtension: "py", subdirectory: "Fixtures")
        else { throw ServerProcess.StartupError(description: "http_fixture_server.py not found in the test bundle") }
        let server = try await ServerProcess.start(script: script, lineCount: 2)
        do { return try FixtureServer(server: server) } catch {
            server.stop()
            throw error
        }
    }

    func url(_ pathAndQuery: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(pathAndQuery)")!
    }

    func stop() { server.stop() }
}

/// Starts a fixture server for the duration of `body`.
func withFixtureServer<T>(_ body: (FixtureServer) async throws -> T) async throws -> T {
    let server = try await FixtureServer.start()
    defer { server.stop() }
    return try await body(server)
}

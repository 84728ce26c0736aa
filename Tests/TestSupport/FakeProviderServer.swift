import Foundation
import ReasoningBank
import Providers

/// `scripts/fake_llm_server.py`: a local server that speaks the providers' wire formats (Anthropic,
/// OpenAI, Gemini, Ollama, llama.cpp, vLLM) with scriptable faults, started per test on 127.0.0.1.
public final class FakeProviderServer: Sendable {
    /// One request as the server logged it.
    public struct LoggedRequest: Sendable, Decodable {
        public var id: Int
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: JSONValue?
        public var stream: Bool?
        public var fault: String?
        public var status: Int?
        public var completed: Bool?
        public var client_closed: Bool?

        /// Whether the server saw the client close the connection before the response was complete.
        public var clientClosed: Bool { client_closed ?? false }
    }

    private struct Log: Decodable {
        var requests: [LoggedRequest]
    }

    private struct WaitResult: Decodable {
        var ok: Bool
    }

    public static var script: URL { ProjectFiles.path("scripts/fake_llm_server.py") }

    public let port: Int
    private let server: ServerProcess
    private let client = CurlHTTPClient()

    /// Starts a server on an ephemeral port.
    public static func start(chunkDelay: Double = 0.002) async throws -> FakeProviderServer {
        let server = try await ServerProcess.start(
            script: script, arguments: ["--port", "0", "--exit-with-stdin", "--chunk-delay", String(chunkDelay)])
        do { return FakeProviderServer(server: server, port: try server.port()) } catch {
            server.stop()
            throw error
        }
    }

    private init(server: ServerProcess, port: Int) {
        self.server = server
        self.port = port
    }

    deinit { server.stop() }

    public func stop() { server.stop() }

    /// `http://127.0.0.1:PORT` + `path`.
    public func url(_ path: String = "") -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// Queues faults, each a JSON object such as `{"kind":"status","status":429,"retry_after_ms":"10"}`.
    public func inject(_ faults: String...) async throws {
        try await post("/_control/faults", #"{"faults":["# + faults.joined(separator: ",") + "]}")
    }

    /// Queues replies the model will give, in order, before its built-in responder.
    public func reply(_ texts: String...) async throws {
        let data = try JSONEncoder().encode(["replies": texts])
        try await post("/_control/replies", String(decoding: data, as: UTF8.self))
    }

    /// Sets server behaviour, e.g. `{"cache_read": 100}`.
    public func configure(_ json: String) async throws { try await post("/_control/config", json) }

    /// Every API request so far.
    public func requests() async throws -> [LoggedRequest] {
        let (_, data) = try await client.send(HTTPRequest(url: url("/_control/log"), totalTimeout: 10))
        return try JSONDecoder().decode(Log.self, from: data).requests
    }

    /// Waits (at most `timeout` seconds) for `condition`: `seen` (a stalled request is stalling),
    /// `closed` (a client closed its connection early), or `requests` with `count`.
    public func wait(for condition: String, count: Int? = nil, timeout: Double = 10) async throws -> Bool {
        var path = "/_control/wait?for=\(condition)&timeout=\(timeout)"
        if let count { path += "&count=\(count)" }
        let (_, data) = try await client.send(HTTPRequest(url: url(path), totalTimeout: timeout + 5))
        return try JSONDecoder().decode(WaitResult.self, from: data).ok
    }

    private func post(_ path: String, _ json: String) async throws {
        let (head, data) = try await client.send(
            HTTPRequest(
                method: "POST", url: url(path), headers: ["Content-Type": "application/json"], body: Data(json.utf8),
                totalTimeout: 10))
        guard head.isSuccess else {
            throw ServerProcess.StartupError(description: "control \(path) failed: \(head.status) \(String(decoding: data, as: UTF8.self))")
        }
    }
}

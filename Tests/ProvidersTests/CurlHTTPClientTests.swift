import Foundation
import Testing

@testable import Providers

/// Every request here goes to 127.0.0.1 (the fixture server, or a port nothing listens on).
@Suite("CurlHTTPClient against the local fixture server")
struct CurlHTTPClientTests {
    let client: any HTTPClient = CurlHTTPClient()

    private func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func collect(_ body: AsyncThrowingStream<[UInt8], any Error>) async throws -> String {
        var bytes: [UInt8] = []
        for try await chunk in body { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func getReturnsStatusHeadersAndBody() async throws {
        try await withFixtureServer { server in
            let (head, body) = try await client.send(HTTPRequest(url: server.url("/ok"), connectTimeout: 5, totalTimeout: 8))
            #expect(head.status == 200)
            #expect(head.version == "HTTP/1.1")
            #expect(head.headers["content-type"] == "application/json")
            #expect(head.headers["CONTENT-TYPE"] == "application/json")
            #expect(head.headers["content-length"] == String(body.count))
            let object = try json(body)
            #expect(object["ok"] as? Bool == true)
        }
    }

    @Test func postRoundTripsHeadersAndBody() async throws {
        try await withFixtureServer { server in
            let payload = Data(#"{"question":"2+2?","bytes":"\u00e9"}"#.utf8)
            let request = HTTPRequest(
                method: "POST", url: server.url("/echo?x=1"),
                headers: ["Content-Type": "application/json", "X-Api-Key": "k-123", "anthropic-version": "2023-06-01"],
                body: payload, connectTimeout: 5, totalTimeout: 8)
            let (head, body) = try await client.send(request)
            #expect(head.status == 200)
            let echo = try json(body)
            #expect(echo["method"] as? String == "POST")
            #expect(echo["body"] as? String == String(decoding: payload, as: UTF8.self))
            let headers = try #require(echo["headers"] as? [String: String])
            #expect(headers["x-api-key"] == "k-123")
            #expect(headers["anthropic-version"] == "2023-06-01")
            #expect(headers["content-type"] == "application/json")
            #expect(headers["content-length"] == String(payload.count))
            #expect(headers["expect"] == nil)
            #expect((echo["query"] as? [String: String])?["x"] == "1")
        }
    }

    @Test func otherMethodsCarryTheirNameAndBody() async throws {
        try await withFixtureServer { server in
            let (_, put) = try await client.send(HTTPRequest(method: "PUT", url: server.url("/echo"), body: Data("abc".utf8), totalTimeout: 8))
            let putEcho = try json(put)
            #expect(putEcho["method"] as? String == "PUT")
            #expect(putEcho["body"] as? String == "abc")
            let (_, delete) = try await client.send(HTTPRequest(method: "DELETE", url: server.url("/echo"), totalTimeout: 8))
            #expect(try json(delete)["method"] as? String == "DELETE")
            let (emptyHead, emptyPost) = try await client.send(HTTPRequest(method: "POST", url: server.url("/echo"), totalTimeout: 8))
            #expect(emptyHead.status == 200)
            #expect(try json(emptyPost)["body"] as? String == "")
        }
    }

    @Test(arguments: [429, 500, 529, 404])
    func nonSuccessStatusIsReturnedNotThrown(status: Int) async throws {
        try await withFixtureServer { server in
            let (head, body) = try await client.send(
                HTTPRequest(url: server.url("/status/\(status)?retry_after=7"), totalTimeout: 8))
            #expect(head.status == status)
            #expect(!head.isSuccess)
            #expect(head.headers["retry-after"] == "7")
            #expect(head.headers["Retry-After"] == "7")
            #expect(head.headers["x-fixture"] == "status")
            let error = try #require(try json(body)["error"] as? [String: Any])
            #expect(error["status"] as? Int == status)
        }
    }

    @Test func streamDeliversChunksIncrementally() async throws {
        try await withFixtureServer { server in
            let id = UUID().uuidString
            let (head, body) = try await client.stream(HTTPRequest(url: server.url("/gated?id=\(id)"), totalTimeout: 9))
            #expect(head.status == 200)
            #expect(head.headers["transfer-encoding"] == "chunked")
            var iterator = body.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            #expect(String(decoding: first, as: UTF8.self) == "first\n")
            // The server holds the rest back until released: the first chunk reached us before
            // the last was sent.
            let (released, _) = try await client.send(HTTPRequest(url: server.url("/release?id=\(id)"), totalTimeout: 5))
            #expect(released.status == 200)
            var rest: [UInt8] = []
            while let chunk = try await iterator.next() { rest += chunk }
            #expect(String(decoding: rest, as: UTF8.self) == "rest:released\n")
        }
    }

    @Test func chunkedBodyArrivesWhole() async throws {
        try await withFixtureServer { server in
            let (_, body) = try await client.stream(HTTPRequest(url: server.url("/chunks?n=5&delay=0.05"), totalTimeout: 8))
            let text = try await collect(body)
            #expect(text == (0..<5).map { "chunk \($0)\n" }.joined())
        }
    }

    @Test func serverSentEventsStream() async throws {
        try await withFixtureServer { server in
            let (head, body) = try await client.stream(HTTPRequest(url: server.url("/sse?n=3&delay=0.05"), totalTimeout: 8))
            #expect(head.headers["content-type"] == "text/event-stream")
            let text = try await collect(body)
            #expect(text.components(separatedBy: "data: {\"index\"").count == 4)
            #expect(text.hasSuffix("data: [DONE]\n\n"))
        }
    }

    @Test func cancellingAStalledSendThrowsCancellation() async throws {
        try await withFixtureServer { server in
            let client = self.client
            let id = UUID().uuidString
            let url = server.url("/stall?id=\(id)")
            let task = Task { try await client.send(HTTPRequest(url: url)) }
            // Cancel only once the server holds the request, so the close is the client's doing.
            let (_, seen) = try await client.send(HTTPRequest(url: server.url("/seen?id=\(id)"), totalTimeout: 8))
            #expect(try json(seen)["seen"] as? Bool == true)
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            let (_, closed) = try await client.send(HTTPRequest(url: server.url("/closed?id=\(id)"), totalTimeout: 8))
            #expect(try json(closed)["closed"] as? Bool == true)
        }
    }

    @Test func cancellingIterationOfAStalledStreamEndsIt() async throws {
        try await withFixtureServer { server in
            let (head, body) = try await client.stream(HTTPRequest(url: server.url("/stall")))
            #expect(head.status == 200)
            let task = Task {
                for try await _ in body {}
                try Task.checkCancellation()
            }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }

    @Test func cancellingWhileWaitingForTheHeadThrowsCancellation() async throws {
        try await withFixtureServer { server in
            let client = self.client
            let url = server.url("/slow-head?delay=8")
            let task = Task { try await client.stream(HTTPRequest(url: url)) }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { _ = try result.get() }
        }
    }

    @Test func droppingTheBodyStreamAbortsTheTransfer() async throws {
        try await withFixtureServer { server in
            // The head arrives, the body is never read: the transfer must be torn down rather
            // than leak a thread. Afterwards the client still works.
            let id = UUID().uuidString
            do {
                let (head, _) = try await client.stream(HTTPRequest(url: server.url("/stall?id=\(id)")))
                #expect(head.status == 200)
            }
            let (head, body) = try await client.send(HTTPRequest(url: server.url("/closed?id=\(id)"), totalTimeout: 8))
            #expect(head.status == 200)
            #expect(try json(body)["closed"] as? Bool == true)
        }
    }

    @Test func lowSpeedLimitOnAStalledBodyTimesOut() async throws {
        try await withFixtureServer { server in
            let request = HTTPRequest(url: server.url("/stall"), lowSpeedLimit: 1, lowSpeedTime: 1)
            do {
                _ = try await client.send(request)
                Issue.record("a stalled body must not complete")
            } catch let error as HTTPError {
                guard case .timedOut(let host, .lowSpeed, let seconds, let code, _) = error else {
                    Issue.record("expected a low-speed timeout, got \(error)")
                    return
                }
                #expect(host == "127.0.0.1")
                #expect(seconds == 1)
                #expect(code == 28)
                #expect(error.description.contains("127.0.0.1"))
                #expect(error.isTimeout)
            }
        }
    }

    @Test func totalTimeoutOnAStalledBodyTimesOut() async throws {
        try await withFixtureServer { server in
            do {
                _ = try await client.send(HTTPRequest(url: server.url("/stall"), totalTimeout: 1))
                Issue.record("a stalled body must not complete")
            } catch let error as HTTPError {
                guard case .timedOut(_, .total, let seconds, _, _) = error else {
                    Issue.record("expected a total timeout, got \(error)")
                    return
                }
                #expect(seconds == 1)
                #expect(error.description.contains("timed out after 1 s"))
            }
        }
    }

    @Test func totalTimeoutBeforeTheHeadTimesOut() async throws {
        try await withFixtureServer { server in
            do {
                _ = try await client.stream(HTTPRequest(url: server.url("/slow-head?delay=5"), totalTimeout: 0.5))
                Issue.record("the head arrives after the limit")
            } catch let error as HTTPError {
                #expect(error.isTimeout, "got \(error)")
            }
        }
    }

    @Test func slowHeadWithinLimitsSucceeds() async throws {
        try await withFixtureServer { server in
            let (head, body) = try await client.send(HTTPRequest(url: server.url("/slow-head?delay=0.3"), totalTimeout: 8))
            #expect(head.status == 200)
            #expect(try json(body)["slow"] as? Bool == true)
        }
    }

    @Test func disconnectMidBodyIsAnErrorNotATruncation() async throws {
        try await withFixtureServer { server in
            do {
                let (_, body) = try await client.send(HTTPRequest(url: server.url("/disconnect"), totalTimeout: 8))
                Issue.record("got \(body.count) bytes of 1000 without an error")
            } catch let error as HTTPError {
                guard case .transferAborted(let host, let bytes, _, _) = error else {
                    Issue.record("expected transferAborted, got \(error)")
                    return
                }
                #expect(host == "127.0.0.1")
                #expect(bytes == 100)
                #expect(error.description.contains("aborted mid-body"))
            }
        }
    }

    @Test func disconnectMidStreamFinishesTheStreamWithAnError() async throws {
        try await withFixtureServer { server in
            let (head, body) = try await client.stream(HTTPRequest(url: server.url("/disconnect"), totalTimeout: 8))
            #expect(head.status == 200)
            await #expect(throws: HTTPError.self) { _ = try await collect(body) }
        }
    }

    @Test func connectionRefusedNamesTheHostAndHidesHeaders() async throws {
        try await withFixtureServer { server in
            let request = HTTPRequest(
                url: URL(string: "http://127.0.0.1:\(server.closedPort)/v1/messages")!,
                headers: ["x-api-key": "sk-secret-value", "Authorization": "Bearer sk-secret-value"],
                body: Data("{}".utf8), connectTimeout: 5, totalTimeout: 8)
            do {
                _ = try await client.send(request)
                Issue.record("nothing listens on the closed port")
            } catch let error as HTTPError {
                guard case .couldNotConnect(let host, let code, _) = error else {
                    Issue.record("expected couldNotConnect, got \(error)")
                    return
                }
                #expect(host == "127.0.0.1")
                #expect(code == 7)
                #expect(error.description.hasPrefix("could not connect to 127.0.0.1"))
                #expect(error.description.contains("curl error 7"))
                #expect(!error.description.contains("sk-secret-value"))
                #expect(!String(describing: error).contains("sk-secret-value"))
            }
        }
    }

    @Test func invalidRequestsAreRejectedWithoutLeakingValues() async throws {
        await #expect(throws: HTTPError.self) {
            _ = try await client.send(HTTPRequest(url: URL(string: "ftp://127.0.0.1/file")!))
        }
        do {
            _ = try await client.send(HTTPRequest(
                url: URL(string: "http://127.0.0.1:1/")!, headers: ["x-api-key": "sk-secret\r\nX-Injected: 1"]))
            Issue.record("a header value with a line break must be rejected")
        } catch let error as HTTPError {
            guard case .invalidRequest = error else {
                Issue.record("expected invalidRequest, got \(error)")
                return
            }
            #expect(!error.description.contains("sk-secret"))
        }
    }

    @Test func headersLookupIsCaseInsensitive() {
        var headers: HTTPHeaders = ["Retry-After": "3", "Set-Cookie": "a", "set-cookie": "b"]
        #expect(headers["retry-after"] == "3")
        #expect(headers.values(for: "SET-COOKIE") == ["a", "b"])
        headers.set(name: "retry-AFTER", value: "5")
        #expect(headers.values(for: "Retry-After") == ["5"])
        headers.remove(name: "set-cookie")
        #expect(headers.count == 1)
    }

    @Test func curlRuntimeReportsItsVersion() {
        #expect(CurlRuntime.version.hasPrefix("libcurl/"))
    }
}

import Foundation
import Logging

/// Sends provider requests over an `HTTPClient` with the SDKs' retry policy, timeouts and error
/// translation. Only 2xx responses come back; everything else is a `ProviderError` (or
/// `CancellationError` when the calling task is cancelled). Streams are retried only until their
/// head arrives: once a body has started, a failure is final.
public struct ProviderTransport: Sendable {
    public var client: any HTTPClient
    public var retry: RetryPolicy
    public var timeouts: ProviderTimeouts
    /// Waits between attempts; replaceable in tests. Must throw `CancellationError` when cancelled.
    public var sleep: @Sendable (Double) async throws -> Void
    var logger = Logger(label: "rbank.providers")

    public init(
        client: any HTTPClient = CurlHTTPClient(), retry: RetryPolicy = RetryPolicy(),
        timeouts: ProviderTimeouts = ProviderTimeouts(),
        sleep: @escaping @Sendable (Double) async throws -> Void = { seconds in
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        }
    ) {
        self.client = client
        self.retry = retry
        self.timeouts = timeouts
        self.sleep = sleep
    }

    /// POSTs `body` as JSON and returns the 2xx response's body.
    public func postJSON(_ url: URL, headers: HTTPHeaders, body: Data, context: ProviderContext) async throws -> Data {
        try await withRetries(context: context) { attempt in
            let request = makeRequest(url, headers: headers, body: body, context: context, attempt: attempt)
            let head: HTTPResponseHead
            let data: Data
            do { (head, data) = try await client.send(request) } catch let error as HTTPError {
                throw context.transportError(error)
            }
            guard head.isSuccess else { throw Failure(error: context.httpError(status: head.status, headers: head.headers, body: data), headers: head.headers) }
            return data
        }
    }

    /// POSTs `body` as JSON and returns the 2xx response's head and streaming body.
    public func openStream(
        _ url: URL, headers: HTTPHeaders, body: Data, context: ProviderContext
    ) async throws -> (HTTPResponseHead, AsyncThrowingStream<[UInt8], any Error>) {
        try await withRetries(context: context) { attempt in
            let request = makeRequest(url, headers: headers, body: body, context: context, attempt: attempt)
            let head: HTTPResponseHead
            let stream: AsyncThrowingStream<[UInt8], any Error>
            do { (head, stream) = try await client.stream(request) } catch let error as HTTPError {
                throw context.transportError(error)
            }
            guard head.isSuccess else {
                var data = Data()
                do {
                    for try await chunk in stream {
                        data.append(contentsOf: chunk)
                        if data.count > 65_536 { break }
                    }
                } catch let error as HTTPError {
                    throw context.transportError(error)
                }
                try Task.checkCancellation()
                throw Failure(error: context.httpError(status: head.status, headers: head.headers, body: data), headers: head.headers)
            }
            return (head, stream)
        }
    }

    /// Translates an error raised while reading a stream's body.
    public func bodyError(_ error: any Error, context: ProviderContext) -> any Error {
        if let error = error as? HTTPError { return context.transportError(error) }
        return error
    }

    // MARK: Internals

    /// A failed attempt with the response headers that may ask for a particular wait.
    struct Failure: Error {
        var error: ProviderError
        var headers: HTTPHeaders?
    }

    private func makeRequest(_ url: URL, headers: HTTPHeaders, body: Data, context: ProviderContext, attempt: Int) -> HTTPRequest {
        var fields = headers
        fields.set(name: "Content-Type", value: "application/json")
        if context.sendsRetryCount { fields.set(name: "x-stainless-retry-count", value: String(attempt)) }
        return HTTPRequest(
            method: "POST", url: url, headers: fields, body: body, connectTimeout: timeouts.connect,
            totalTimeout: timeouts.total, lowSpeedLimit: 1, lowSpeedTime: timeouts.stall)
    }

    private func withRetries<T>(context: ProviderContext, _ attempt: (Int) async throws -> T) async throws -> T {
        var retries = 0
        while true {
            let failure: Failure
            do {
                return try await attempt(retries)
            } catch let caught as Failure {
                failure = caught
            } catch let error as ProviderError {
                failure = Failure(error: error, headers: nil)
            }
            try Task.checkCancellation()
            var error = failure.error
            error.attempts = retries + 1
            let allowed = retry.shouldRetry(headers: failure.headers, classified: error.isRetryable)
            guard allowed, retries < retry.maxRetries else { throw error }
            let wait = retry.delay(retriesSoFar: retries, headers: failure.headers, serverHint: error.serverRetryDelay)
            logger.warning(
                "provider call failed; retrying",
                metadata: [
                    "provider": "\(context.name)", "status": "\(error.status.map(String.init) ?? "-")",
                    "type": "\(error.errorType ?? error.kind.rawValue)", "attempt": "\(retries + 1)",
                    "wait_s": "\(String(format: "%.3f", wait))",
                ])
            try await sleep(wait)
            retries += 1
        }
    }
}

import Foundation
import Testing

@testable import Providers

@Suite("Retry policy")
struct RetryPolicyTests {
    private let noJitter = RetryPolicy(jitter: { 0 })

    @Test("retries 408, 409, 429 and 5xx (529 too), not other 4xx")
    func retryableStatuses() {
        for status in [408, 409, 429, 500, 502, 503, 504, 529] { #expect(RetryPolicy.isRetryable(status: status)) }
        for status in [400, 401, 403, 404, 413, 422] { #expect(!RetryPolicy.isRetryable(status: status)) }
    }

    @Test("x-should-retry wins over the status")
    func shouldRetryHeader() {
        #expect(noJitter.shouldRetry(headers: ["x-should-retry": "true"], classified: false))
        #expect(!noJitter.shouldRetry(headers: ["X-Should-Retry": "false"], classified: true))
        #expect(noJitter.shouldRetry(headers: [:], classified: true))
        #expect(!noJitter.shouldRetry(headers: nil, classified: false))
    }

    @Test("retry-after-ms first, then retry-after in seconds or as an HTTP date")
    func serverDelays() {
        #expect(noJitter.delay(retriesSoFar: 0, headers: ["retry-after-ms": "250", "retry-after": "9"]) == 0.25)
        #expect(noJitter.delay(retriesSoFar: 0, headers: ["retry-after": "1.5"]) == 1.5)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let date = "Tue, 14 Nov 2023 22:13:30 GMT"  // now + 10 s
        #expect(abs(noJitter.delay(retriesSoFar: 0, headers: ["retry-after": date], now: now) - 10) < 0.001)
        #expect(noJitter.delay(retriesSoFar: 0, headers: nil, serverHint: 8) == 8)
    }

    @Test("waits outside (0, 60] fall back to exponential backoff capped at 8 s")
    func backoff() {
        #expect(noJitter.delay(retriesSoFar: 0, headers: ["retry-after": "0"]) == 0.5)
        #expect(noJitter.delay(retriesSoFar: 1, headers: ["retry-after": "600"]) == 1)
        #expect(noJitter.delay(retriesSoFar: 2, headers: [:]) == 2)
        #expect(noJitter.delay(retriesSoFar: 10, headers: [:]) == 8)
    }

    @Test("jitter shortens the backoff by at most a quarter")
    func jitter() {
        let full = RetryPolicy(jitter: { 0.999_999 })
        let wait = full.delay(retriesSoFar: 4, headers: nil)
        #expect(wait > 6 && wait <= 8)
    }
}

import Foundation
import Testing

@testable import Providers

@Suite("Provider error envelopes and messages")
struct ErrorEnvelopeTests {
    private func context(key: String? = "sk-test-SECRET", keyVariable: String = "OPENAI_API_KEY") -> ProviderContext {
        ProviderContext(
            name: "OpenAI",
            endpoint: ProviderEndpoint(
                baseURL: URL(string: "http://127.0.0.1:1/v1")!, apiKey: key, apiKeyVariable: keyVariable,
                baseURLVariable: "OPENAI_BASE_URL"),
            model: "gpt-4o")
    }

    private func error(_ status: Int, _ body: String, headers: HTTPHeaders = ["content-type": "application/json"]) -> ProviderError {
        context().httpError(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test("Anthropic's envelope: type, message and request id")
    func anthropic() {
        let failure = error(
            529, #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}"#)
        #expect(failure.errorType == "overloaded_error")
        #expect(failure.message == "Overloaded")
        #expect(failure.requestID == "req_1")
        #expect(failure.isRetryable)
        #expect(failure.description.contains("HTTP 529 overloaded_error: Overloaded"))
    }

    @Test("a rejected key names the variable to set, is not retried, and the echoed key is scrubbed")
    func rejectedKey() {
        let failure = error(
            401,
            #"{"error":{"message":"Incorrect API key provided: sk-test-SECRET.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#)
        #expect(!failure.isRetryable)
        #expect(failure.advice.contains("OPENAI_API_KEY"))
        #expect(!failure.description.contains("SECRET"))
        #expect(failure.errorType == "invalid_request_error/invalid_api_key")
    }

    @Test("Gemini's envelope: status, API_KEY_INVALID on 400, RetryInfo delay on 429")
    func gemini() {
        let invalid = error(
            400,
            #"{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"#)
        #expect(!invalid.isRetryable)
        #expect(invalid.advice.contains("OPENAI_API_KEY"))
        let limited = error(
            429,
            #"[{"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"8.5s"}]}}]"#)
        #expect(limited.serverRetryDelay == 8.5)
        #expect(limited.errorType == "RESOURCE_EXHAUSTED/429")
        #expect(limited.isRetryable)
    }

    @Test("insufficient quota is a 429 that is not retried")
    func quota() {
        let failure = error(
            429, #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#)
        #expect(!failure.isRetryable)
        #expect(failure.advice.contains("billing"))
    }

    @Test("compatible servers: string errors, integer codes, flat vLLM errors")
    func compatible() {
        #expect(error(401, #"{"error":"Unauthorized"}"#).message == "Unauthorized")
        let llama = error(503, #"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#)
        #expect(llama.errorType == "unavailable_error/503")
        #expect(llama.isRetryable)
        let vllm = error(404, #"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}"#)
        #expect(vllm.message == "The model `x` does not exist.")
        #expect(vllm.advice.contains("LLM_MODEL"))
    }

    @Test("an HTML page from a proxy is named as such and points at the base URL")
    func html() {
        let failure = error(
            502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            headers: ["content-type": "text/html"])
        #expect(failure.message.contains("HTML page titled \"502 Bad Gateway\""))
        #expect(failure.advice.contains("OPENAI_BASE_URL"))
    }

    @Test("base64 embeddings decode as packed little-endian float32")
    func base64() {
        var bytes: [UInt8] = []
        for value: Float in [1, -0.5, 0.25] { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        #expect(EmbeddingCheck.decodeBase64(Data(bytes).base64EncodedString()) == [1, -0.5, 0.25])
        #expect(EmbeddingCheck.decodeBase64("not base64!") == nil)
    }
}

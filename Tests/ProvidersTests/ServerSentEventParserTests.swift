import Foundation
import Testing

@testable import Providers

@Suite("Server-sent events parser")
struct ServerSentEventParserTests {
    private func events(_ text: String, splitEvery size: Int) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        let bytes = Array(text.utf8)
        var events: [ServerSentEvent] = []
        for start in stride(from: 0, to: bytes.count, by: size) {
            events += parser.feed(bytes[start..<min(start + size, bytes.count)])
        }
        return events
    }

    @Test("events split anywhere across chunks come out whole", arguments: [1, 2, 3, 7, 64, 4096])
    func anthropicFraming(chunkSize: Int) {
        let text = """
            event: message_start
            data: {"type":"message_start"}

            event: ping
            data: {"type": "ping"}

            : a comment
            event: content_block_delta
            data: {"type":"content_block_delta","delta":{"text":"héllo ✓"}}


            """
        let parsed = events(text, splitEvery: chunkSize)
        #expect(parsed.map(\.name) == ["message_start", "ping", "content_block_delta"])
        #expect(parsed[2].data == #"{"type":"content_block_delta","delta":{"text":"héllo ✓"}}"#)
    }

    @Test("CRLF, CR and LF line endings all work, also a CR and LF in different chunks")
    func lineEndings() {
        for ending in ["\r\n", "\r", "\n"] {
            let text = "data: a" + ending + "data: b" + ending + ending + "data: [DONE]" + ending + ending
            for size in [1, 2, 5, 100] {
                let parsed = events(text, splitEvery: size)
                #expect(parsed.map(\.data) == ["a\nb", "[DONE]"], "ending \(ending.debugDescription), size \(size)")
            }
        }
    }

    @Test("one space after the colon is dropped, more are kept; fields without a colon and unknown fields are ignored")
    func fieldRules() {
        let parsed = events("data:x\ndata:  y\ndata\nfoo: bar\nid: 7\n\n", splitEvery: 3)
        #expect(parsed.count == 1)
        #expect(parsed[0].data == "x\n y\n")
        #expect(parsed[0].id == "7")
        #expect(parsed[0].name == nil)
    }

    @Test("an event without data is not dispatched, and an unterminated event is left open")
    func incompleteEvents() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("event: ping\n\n".utf8)).isEmpty)
        #expect(parser.feed(Array("data: partial".utf8)).isEmpty)
        #expect(!parser.hasOpenEvent)
        #expect(parser.feed(Array("\n".utf8)).isEmpty)
        #expect(parser.hasOpenEvent)
    }
}

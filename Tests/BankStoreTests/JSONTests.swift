import Foundation
import Testing

@testable import BankStore

@Suite("JSON reading and writing")
struct JSONTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test("keeps member order, duplicate keys and number literals")
    func keepsOrderAndLiterals() throws {
        let value = try parse(#" {"b": 1.50, "a": [1e5, -0, 2E-3], "b": null} "#)
        #expect(value.members?.map(\.key) == ["b", "a", "b"])
        #expect(value["b"] == .null)
        #expect(value["a"] == .array([.number("1e5"), .number("-0"), .number("2E-3")]))
        #expect(JSONWriter.string(value, style: .minimal) == #"{"b":1.50,"a":[1e5,-0,2E-3],"b":null}"#)
        #expect(JSONWriter.string(value, style: .python) == #"{"b": 1.50, "a": [1e5, -0, 2E-3], "b": null}"#)
        #expect(JSONWriter.string(value, style: .pretty) == "{\n  \"b\": 1.50,\n  \"a\": [\n    1e5,\n    -0,\n    2E-3\n  ],\n  \"b\": null\n}")
        #expect(JSONWriter.string(.object([JSONMember("x", .array([])), JSONMember("y", .object([]))]), style: .pretty)
            == "{\n  \"x\": [],\n  \"y\": {}\n}")
    }

    @Test("decodes escapes and surrogate pairs; writes UTF-8 and escapes control characters")
    func strings() throws {
        let value = try parse(#""tab\there \u00e9 \ud83d\ude9a \/ \"q\" \\ \u0001""#)
        #expect(value == .string("tab\there é 🚚 / \"q\" \\ \u{01}"))
        #expect(JSONWriter.string(value, style: .minimal) == #""tab\there é 🚚 / \"q\" \\ \u0001""#)
        #expect(JSONWriter.string(.string("\u{08}\u{0C}\n\r\u{1F}"), style: .minimal) == #""\b\f\n\r\u001f""#)
    }

    @Test("refuses what RFC 8259 refuses", arguments: [
        "01", "1.", "-", "1e", ".5", "+1", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[1] x", "\"\\ud800\"", "\"\\x\"",
        "\"a\nb\"", "tru", "nul", "'a'", "NaN", "{a: 1}", "",
    ])
    func refusesInvalid(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parse(text) }
    }

    @Test("semantic equality compares numbers by value and objects as maps")
    func semanticEquality() throws {
        #expect(try parse(#"{"a": 1, "b": [1.0e0, 2]}"#).isSemanticallyEqual(to: try parse(#"{"b": [1, 2.0], "a": 1.0}"#)))
        #expect(try !parse(#"{"a": 1}"#).isSemanticallyEqual(to: try parse(#"{"a": 1, "b": null}"#)))
        #expect(try !parse("[1, 2]").isSemanticallyEqual(to: try parse("[2, 1]")))
    }

    @Test("embeddings use Float32 when every number is a Float's shortest decimal, else Float64")
    func embeddingPrecision() throws {
        let narrow = EmbeddingVector(exactly: [0.1, -3.4028235e38, 1e-45, 1, 0])
        #expect(narrow.precision == .float32)
        #expect(narrow.blob.count == 20)
        #expect(EmbeddingVector(blob: narrow.blob, precision: .float32)?.json == narrow.json)
        #expect(JSONWriter.string(narrow.json, style: .minimal) == "[0.1,-3.4028235e+38,1e-45,1.0,0.0]")

        let wide = EmbeddingVector(exactly: [0.12345678901234568, 0.1])
        #expect(wide.precision == .float64)
        #expect(EmbeddingVector(blob: wide.blob, precision: .float64) == wide)
        #expect(JSONWriter.string(wide.json, style: .minimal) == "[0.12345678901234568,0.1]")
        #expect(EmbeddingVector(exactly: [1e39]).precision == .float64)

        let floats: [Float] = [0.1, .greatestFiniteMagnitude, -.leastNonzeroMagnitude]
        #expect(EmbeddingVector.decodeFloats(EmbeddingVector.encodeFloats(floats)) == floats)
        #expect(Array(EmbeddingVector.encodeFloats([1]).prefix(4)) == [0x00, 0x00, 0x80, 0x3F])
    }
}

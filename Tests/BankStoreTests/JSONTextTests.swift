import Foundation
import Testing

@testable import BankStore

@Suite("JSON through Foundation")
struct JSONTextTests {
    private func parse(_ text: String) throws -> Any { try JSONText.parse(Data(text.utf8)) }

    @Test("tells booleans, integers and fractions apart in what JSONSerialization returns")
    func classifiesNumbers() throws {
        let values = try #require(
            try parse(#"[true, false, 1, 0, -0, 1.0, 1e5, 2.5, 12345678901234567890, "1", null, [], {}]"#) as? [Any])
        #expect(values.map { JSONText.bool($0) } == [true, false, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil])
        #expect(values.map { JSONText.number($0) != nil }
            == [false, false, true, true, true, true, true, true, true, false, false, false, false])
        #expect(values.map(JSONText.isInteger)
            == [false, false, true, true, true, false, false, false, true, false, false, false, false])
        #expect(values.map(JSONText.isNull) == [false, false, false, false, false, false, false, false, false, false, true, false, false])
        #expect(JSONText.double(values[7]) == 2.5)
        #expect(values.map(JSONText.describe) == [
            "the boolean true", "the boolean false", "the number 1", "the number 0", "the number 0", "the number 1",
            "the number 100000", "the number 2.5", "the number 12345678901234567890", "a string (\"1\")", "null",
            "an array of 0", "an object",
        ])
        // Numbers the bank writes itself read the same way once parsed back.
        let written = try parse(try JSONText.string(["flag": true, "count": 3, "time": 1.5]))
        let object = try #require(written as? [String: Any])
        #expect(object["flag"].flatMap(JSONText.bool) == true)
        #expect(object["count"].map(JSONText.isInteger) == true)
        #expect(object["time"].flatMap(JSONText.double) == 1.5)
        #expect(JSONText.bool(NSNumber(value: 1)) == nil)
        #expect(JSONText.bool(NSNumber(value: true)) == true)
    }

    @Test("a repeated key keeps its last value, as Python's json.load does")
    func repeatedKeys() throws {
        let object = try #require(try parse(#"{"b": 1.50, "a": [1e5], "b": null}"#) as? [String: Any])
        #expect(object.count == 2)
        #expect(object["b"].map(JSONText.isNull) == true)
    }

    @Test("syntax errors carry Foundation's reason and byte offset", arguments: [
        (#"{"é": [}"#, JSONText.SyntaxError.Position?.some(.byte(8)), "invalid value"),
        ("[1] x", .byte(4), "invalid value"),
        ("01", .byte(1), "number with leading zero"),
        ("\"a\nb\"", .byte(2), "unescaped control character"),
        (String(repeating: "[", count: 513) + String(repeating: "]", count: 513), .byte(513),
            "too many nested arrays or dictionaries"),
        ("[1, 2", nil, "unexpected end of file during JSON parse"),
    ])
    func syntaxErrors(_ text: String, _ position: JSONText.SyntaxError.Position?, _ reason: String) {
        #expect(throws: JSONText.SyntaxError(position: position, reason: reason)) { try parse(text) }
    }

    @Test("refuses what RFC 8259 refuses (Foundation does allow a trailing comma)", arguments: [
        "01", "1.", "-", "1e", ".5", "+1", "{\"a\" 1}", "[1] x", "\"\\ud800\"", "\"\\x\"", "\"a\nb\"", "tru", "nul",
        "'a'", "NaN", "{a: 1}", "", "[1,,]",
    ])
    func refusesInvalid(_ text: String) {
        #expect(throws: JSONText.SyntaxError.self) { try parse(text) }
    }

    @Test("an import refusal turns Foundation's byte offset into the line and column of the file")
    func refusalPosition() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let url = scratch.file("bad.json")
        try Data("\u{FEFF}{\n  \"é\": [}".utf8).write(to: url)
        let text = try ImportText.read(url, expected: "E.")
        let message = errorText { _ = try text.json() } ?? ""
        #expect(message.contains("line 2, column 9: the file is not valid JSON: invalid value (found character '}')"))

        try Data("[\n  \"abc".utf8).write(to: url)
        let truncated = errorText { _ = try ImportText.read(url, expected: "E.").json() } ?? ""
        #expect(truncated.contains("line 2, column 7: the file is not valid JSON: unexpected end of file"))
        #expect(truncated.contains("is the file truncated?"))
    }

    @Test("writes sorted keys, compact or pretty, UTF-8, escapes only what JSON needs")
    func writing() throws {
        let value: [String: Any] = [
            "b": 1, "a": ["x/y", "é 🚚 \u{01}\n\t\"\\"], "c": NSNull(), "d": [[String: Any]](), "e": false,
        ]
        #expect(try JSONText.string(value) == #"{"a":["x/y","é 🚚 \u0001\n\t\"\\"],"b":1,"c":null,"d":[],"e":false}"#)
        #expect(try JSONText.string(["b": [1], "a": "x"], style: .pretty) == "{\n  \"a\" : \"x\",\n  \"b\" : [\n    1\n  ]\n}")
        #expect(try JSONText.string("frag") == "\"frag\"")
        #expect(try JSONText.string(21) == "21")
        #expect(throws: JSONText.WriteError.self) { try JSONText.string([Double.nan]) }
        #expect(throws: JSONText.WriteError.self) { try JSONText.string([Date()]) }
    }

    @Test("numbers are the shortest decimals that read back exactly; negative zero is written as 0")
    func numbers() throws {
        let numbers: [Any] = [
            JSONText.number(Float.pi), JSONText.number(Float(0.1)), JSONText.number(0.1), JSONText.number(1.5e9),
            JSONText.number(1_729_353_600.123456), JSONText.number(-0.0), JSONText.number(Float(-0.0)),
            JSONText.number(Float.greatestFiniteMagnitude), JSONText.number(Float.leastNonzeroMagnitude),
        ]
        #expect(try JSONText.string(numbers) == "[3.1415925,0.1,0.1,1500000000,1729353600.123456,0,0,3.4028235e+38,1e-45]")
    }

    @Test("every Double reads back exactly, including 17-digit ones Foundation gives as NSDecimalNumber")
    func doublesRoundTrip() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var doubles: [Double] = [
            0.12345678901234568, -0.9876543210987654, 1_729_353_600.123456, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        for _ in 0..<5000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let candidate = Double(bitPattern: state)
            if candidate.isFinite { doubles.append(candidate) }
        }
        let text = try JSONText.string(doubles.map(JSONText.number))
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])
        #expect(raw.contains { $0 is NSDecimalNumber })
        let parsed = try #require(try parse(text) as? [Any])
        #expect(parsed.compactMap(JSONText.double) == doubles.map { $0 == 0 ? 0 : $0 })
        #expect(try JSONText.string(parsed) == text)
        // Integers too large for 64 bits stay exact.
        let huge = try parse("[123456789012345678901234567890]")
        #expect(try JSONText.string(huge) == "[123456789012345678901234567890]")
    }

    @Test("embeddings use Float32 when every number is a Float's shortest decimal, else Float64")
    func embeddingPrecision() throws {
        let narrow = EmbeddingVector(exactly: [0.1, -3.4028235e38, 1e-45, 1, 0])
        #expect(narrow.precision == .float32)
        #expect(narrow.blob.count == 20)
        #expect(try EmbeddingVector(blob: narrow.blob, precision: .float32).map { try JSONText.string($0.json) }
            == JSONText.string(narrow.json))
        #expect(try JSONText.string(narrow.json) == "[0.1,-3.4028235e+38,1e-45,1,0]")

        let wide = EmbeddingVector(exactly: [0.12345678901234568, 0.1])
        #expect(wide.precision == .float64)
        #expect(EmbeddingVector(blob: wide.blob, precision: .float64) == wide)
        #expect(try JSONText.string(wide.json) == "[0.12345678901234568,0.1]")
        #expect(EmbeddingVector(exactly: [1e39]).precision == .float64)

        // What is written reads back as the same vector, so a second export is byte-identical.
        for vector in [narrow, wide, EmbeddingVector(floats: [.pi, -0.0, 1e-10])] {
            let text = try JSONText.string(vector.json)
            let numbers = try #require(try parse(text) as? [Any]).compactMap(JSONText.double)
            let again = EmbeddingVector(exactly: numbers)
            #expect(again.precision == vector.precision)
            #expect(try JSONText.string(again.json) == text)
        }

        let floats: [Float] = [0.1, .greatestFiniteMagnitude, -.leastNonzeroMagnitude]
        #expect(EmbeddingVector.decodeFloats(EmbeddingVector.encodeFloats(floats)) == floats)
        #expect(Array(EmbeddingVector.encodeFloats([1]).prefix(4)) == [0x00, 0x00, 0x80, 0x3F])
    }
}

import Foundation

/// A strict RFC 8259 JSON parser over UTF-8 bytes that reports where it failed.
///
/// It keeps member order and number literals (see `JSONValue`), refuses trailing text, unescaped
/// control characters, unpaired surrogate escapes and nesting deeper than `maximumDepth`.
struct JSONParser {
    /// Why and where the text is not JSON.
    struct SyntaxError: Error, Sendable, Equatable {
        /// Byte offset into the parsed text.
        var offset: Int
        var message: String
    }

    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index: Int
    private let end: Int
    private var depth = 0

    /// Parses one JSON value filling `bytes[range]` (whitespace around it allowed).
    static func parse(_ bytes: [UInt8], range: Range<Int>? = nil) throws(SyntaxError) -> JSONValue {
        let range = range ?? 0..<bytes.count
        var parser = JSONParser(bytes: bytes, index: range.lowerBound, end: range.upperBound)
        parser.skipWhitespace()
        guard parser.index < parser.end else {
            throw SyntaxError(offset: parser.index, message: "expected a JSON value, found the end of the text")
        }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.end else {
            throw SyntaxError(
                offset: parser.index, message: "unexpected \(parser.describeCurrent()) after the end of the JSON value")
        }
        return value
    }

    private init(bytes: [UInt8], index: Int, end: Int) {
        self.bytes = bytes
        self.index = index
        self.end = end
    }

    private mutating func skipWhitespace() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private func describeCurrent() -> String {
        guard index < end else { return "end of the text" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return String(format: "byte 0x%02X", byte)
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard index < end else { throw SyntaxError(offset: index, message: "unexpected end of the text (truncated?)") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw SyntaxError(offset: index, message: "expected a JSON value, found \(describeCurrent())")
        }
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        let start = index
        for byte in word.utf8 {
            guard index < end, bytes[index] == byte else {
                throw SyntaxError(offset: start, message: "expected a JSON value, found \(describeCurrentWord(at: start))")
            }
            index += 1
        }
    }

    private func describeCurrentWord(at start: Int) -> String {
        var stop = start
        while stop < end, stop - start < 20, bytes[stop] >= 0x21, bytes[stop] < 0x7F,
            !"{}[],:\"".utf8.contains(bytes[stop])
        {
            stop += 1
        }
        guard stop > start else { return "byte 0x" + String(bytes[start], radix: 16, uppercase: true) }
        return "'" + String(decoding: bytes[start..<stop], as: UTF8.self) + "'"
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw SyntaxError(offset: index, message: "nesting is deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < end else { throw SyntaxError(offset: index, message: "unexpected end of the text inside an object (truncated?)") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw SyntaxError(offset: index, message: "expected a member name in double quotes, found \(describeCurrent())")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else {
                throw SyntaxError(offset: index, message: "expected ':' after the member name \"\(key.prefix(40))\", found \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard index < end else { throw SyntaxError(offset: index, message: "unexpected end of the text inside an object (truncated?)") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw SyntaxError(offset: index, message: "expected ',' or '}' in an object, found \(describeCurrent())")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var values: [JSONValue] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(values)
        }
        while true {
            skipWhitespace()
            values.append(try parseValue())
            skipWhitespace()
            guard index < end else { throw SyntaxError(offset: index, message: "unexpected end of the text inside an array (truncated?)") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            }
            throw SyntaxError(offset: index, message: "expected ',' or ']' in an array, found \(describeCurrent())")
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = index
        func digits() -> Int {
            let from = index
            while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
            throw SyntaxError(offset: start, message: "a number must have digits after '-'")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                throw SyntaxError(offset: start, message: "numbers must not have leading zeros")
            }
        } else {
            _ = digits()
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw SyntaxError(offset: index, message: "a number must have digits after '.'") }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw SyntaxError(offset: index, message: "a number must have digits in its exponent") }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        let start = index
        index += 1
        var output: [UInt8] = []
        var runStart = index
        while true {
            guard index < end else { throw SyntaxError(offset: start, message: "a string is not closed (truncated?)") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                output.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte < 0x20 {
                throw SyntaxError(
                    offset: index,
                    message: "a string contains an unescaped control character (\(byte == 0x0A ? "a line break" : String(format: "0x%02X", byte))); write it as an escape such as \\n")
            }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            output.append(contentsOf: bytes[runStart..<index])
            index += 1
            guard index < end else { throw SyntaxError(offset: start, message: "a string is not closed (truncated?)") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): output.append(0x22)
            case UInt8(ascii: "\\"): output.append(0x5C)
            case UInt8(ascii: "/"): output.append(0x2F)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape()
                output.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw SyntaxError(offset: index - 2, message: "a string contains an invalid escape \\\(Character(Unicode.Scalar(escape)))")
            }
            runStart = index
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= end else { throw SyntaxError(offset: index, message: "a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw SyntaxError(offset: index, message: "a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    private mutating func parseUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
        let escapeStart = index - 2
        let first = try hex4()
        if (0xD800...0xDBFF).contains(first) {
            guard index + 2 <= end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw SyntaxError(offset: escapeStart, message: "a \\u escape is an unpaired UTF-16 surrogate")
            }
            index += 2
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw SyntaxError(offset: escapeStart, message: "a \\u escape is an unpaired UTF-16 surrogate")
            }
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else {
                throw SyntaxError(offset: escapeStart, message: "a \\u escape is not a valid character")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw SyntaxError(offset: escapeStart, message: "a \\u escape is an unpaired UTF-16 surrogate")
        }
        return scalar
    }
}

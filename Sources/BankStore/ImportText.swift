import Foundation

/// The bytes of a file to import, checked to be non-empty UTF-8 text (a leading byte-order mark is skipped).
struct ImportText {
    let url: URL
    let bytes: [UInt8]
    /// Offset of the first byte after any byte-order mark.
    let start: Int
    /// What a valid file looks like, for error messages.
    let expected: String

    var name: String { url.path }

    /// Reads `url`, refusing an unreadable, empty, binary or non-UTF-8 file.
    static func read(_ url: URL, expected: String) throws -> ImportText {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it cannot be read" : "there is no such file"
            throw BankError.fileAccess(file: url.path, detail: reason)
        }
        let bytes = [UInt8](data)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let text = ImportText(url: url, bytes: bytes, start: start, expected: expected)
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw text.refusal(at: nil, bytes.isEmpty ? "the file is empty" : "the file holds only whitespace")
        }
        if let zero = bytes.firstIndex(of: 0) {
            throw text.refusal(at: "byte \(zero)", "this is a binary file, not JSON text (it contains a NUL byte)")
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw text.refusal(
                at: "byte \(bad)", "the file is not UTF-8 text (invalid byte 0x"
                    + String(bytes[bad], radix: 16, uppercase: true) + "); it may be binary or in another encoding")
        }
        return text
    }

    /// Parses `bytes[range]` (by default the whole text after any byte-order mark) with Foundation's
    /// `JSONSerialization`; a syntax error refuses the file, naming the line and column where Foundation
    /// stopped and what is there. `what` names the parsed text in the message: "file" or "line".
    func json(in range: Range<Int>? = nil, what: String = "file") throws -> Any {
        let range = range ?? start..<bytes.count
        do {
            return try JSONText.parse(Data(bytes[range]))
        } catch {
            throw syntaxRefusal(error, in: range, what: what)
        }
    }

    private func syntaxRefusal(_ error: JSONText.SyntaxError, in range: Range<Int>, what: String) -> BankError {
        var problem = "the \(what) is not valid JSON: \(error.reason)"
        let location: String?
        switch error.position {
        case .byte(let offset):
            let absolute = min(range.lowerBound + max(offset, 0), range.upperBound)
            location = self.location(ofOffset: absolute)
            problem += " (found \(describeByte(at: absolute, end: range.upperBound, what: what)))"
        case .lineAndColumn(let line, let column):
            location = "line \(lineAndColumn(ofOffset: range.lowerBound).line + line - 1), column \(column)"
        case nil where error.reason.lowercased().contains("end of file"):
            location = self.location(ofOffset: range.upperBound)
            problem += " (a string, array or object is not closed; is the \(what) truncated?)"
        case nil:
            // Foundation did not say where (e.g. a number too large for a Double): name the line if parsing one.
            location = what == "line" ? "line \(lineAndColumn(ofOffset: range.lowerBound).line)" : nil
        }
        return refusal(at: location, problem)
    }

    private func describeByte(at offset: Int, end: Int, what: String) -> String {
        guard offset < end else { return "the end of the \(what)" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        let scalar = String(decoding: bytes[offset..<min(offset + 4, end)], as: UTF8.self).unicodeScalars.first
        if byte >= 0x80, let scalar, scalar != "\u{FFFD}" { return "character '\(scalar)'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// `line L, column C` (1-based) of a byte offset.
    func location(ofOffset offset: Int) -> String {
        let (line, column) = lineAndColumn(ofOffset: offset)
        return "line \(line), column \(column)"
    }

    /// 1-based line and column (in characters) of a byte offset.
    func lineAndColumn(ofOffset offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<clamped where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<clamped], as: UTF8.self).count + 1
        return (line, column)
    }

    /// The error refusing this file.
    func refusal(at location: String?, _ problem: String) -> BankError {
        .invalidFile(file: name, location: location, problem: problem, expected: expected)
    }

    /// Byte ranges of the lines (without their line breaks), numbered from 1.
    func lines() -> [(number: Int, range: Range<Int>)] {
        var result: [(Int, Range<Int>)] = []
        var lineStart = start
        var number = 1
        for index in start..<bytes.count where bytes[index] == 0x0A {
            var lineEnd = index
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            result.append((number, lineStart..<lineEnd))
            number += 1
            lineStart = index + 1
        }
        if lineStart < bytes.count {
            var lineEnd = bytes.count
            if bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            result.append((number, lineStart..<lineEnd))
        }
        return result
    }

    /// Whether a byte range holds only whitespace.
    func isBlank(_ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

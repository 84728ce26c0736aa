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

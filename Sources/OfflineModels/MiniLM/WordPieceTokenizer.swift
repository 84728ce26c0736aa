import Foundation

/// The BERT uncased tokenizer of all-MiniLM-L6-v2, as the Hugging Face `tokenizers` library runs it
/// (BertNormalizer, BertPreTokenizer, WordPiece): control characters dropped, whitespace unified,
/// CJK ideographs spaced out, accents stripped (NFD, marks removed), lower-cased; then split on
/// whitespace and punctuation; then each word split greedily into the longest word pieces of the
/// vocabulary (`##` marks a continuation), a word with no split becoming `[UNK]`.
///
/// Every step works on Unicode scalars and the vocabulary is keyed by UTF-8 bytes, so canonically
/// equivalent but different strings (Swift's `String` equality) are never confused.
public struct WordPieceTokenizer: Sendable {
    /// The longest sequence the model takes, `[CLS]` and `[SEP]` included (sentence-transformers' 256).
    public static let maxTokens = 256
    /// Words longer than this (in scalars) become `[UNK]`.
    static let maxWordScalars = 100

    let vocabulary: [[UInt8]: Int32]
    public let unknownID: Int32
    public let classID: Int32
    public let separatorID: Int32
    /// How many entries `vocab.txt` has.
    public let vocabularySize: Int

    /// Reads `vocab.txt` (one token a line, the line number is its id).
    public init(vocabularyURL url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            if !FileManager.default.fileExists(atPath: url.path) { throw ModelFileError.missing(file: url.path) }
            throw ModelFileError.unreadable(file: url.path, detail: error.localizedDescription)
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw ModelFileError.corrupt(file: url.path, detail: "it is not UTF-8 text")
        }
        var table: [[UInt8]: Int32] = [:]
        var index: Int32 = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            table[Array(line)] = index
            index += 1
        }
        if data.last == UInt8(ascii: "\n") { index -= 1 }  // the final newline ends the last line
        func special(_ token: String) throws -> Int32 {
            guard let id = table[Array(token.utf8)] else {
                throw ModelFileError.corrupt(file: url.path, detail: "it has no \(token) token")
            }
            return id
        }
        vocabulary = table
        vocabularySize = Int(index)
        unknownID = try special("[UNK]")
        classID = try special("[CLS]")
        separatorID = try special("[SEP]")
    }

    /// The ids the model reads for `text`: `[CLS]`, at most 254 word pieces, `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = [classID]
        let budget = Self.maxTokens - 2
        for word in Self.preTokenize(Self.normalize(text)) {
            ids.append(contentsOf: wordPieces(word))
            if ids.count > budget { break }
        }
        if ids.count > budget + 1 { ids.removeLast(ids.count - budget - 1) }
        ids.append(separatorID)
        return ids
    }

    // MARK: Steps

    /// Cleans, spaces out CJK ideographs, strips accents and lower-cases.
    static func normalize(_ text: String) -> String {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                cleaned.append(" ")
            } else if isCJK(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        let decomposed = Array(String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars)
            .filter { $0.properties.generalCategory != .nonspacingMark }
        return lowercase(decomposed)
    }

    /// Full Unicode lower-casing, with the final-sigma rule (`Σ` at the end of a word becomes `ς`).
    static func lowercase(_ scalars: [Unicode.Scalar]) -> String {
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar.value == 0x3A3 {
                let before = scalars[..<index].reversed().first { !$0.properties.isCaseIgnorable }
                let after = scalars[(index + 1)...].first { !$0.properties.isCaseIgnorable }
                let final = (before?.properties.isCased ?? false) && !(after?.properties.isCased ?? false)
                result.append(final ? "\u{3C2}" : "\u{3C3}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Splits on whitespace and isolates every punctuation character.
    static func preTokenize(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                if !current.isEmpty { words.append(current); current = [] }
            } else if isPunctuation(scalar) {
                if !current.isEmpty { words.append(current); current = [] }
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Greedy longest-match-first word pieces, or `[UNK]` for a word that cannot be split.
    func wordPieces(_ word: [Unicode.Scalar]) -> [Int32] {
        if word.count > Self.maxWordScalars { return [unknownID] }
        let utf8 = word.map { Array(String($0).utf8) }
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                var key: [UInt8] = start == 0 ? [] : [UInt8(ascii: "#"), UInt8(ascii: "#")]
                for bytes in utf8[start..<end] { key.append(contentsOf: bytes) }
                if let id = vocabulary[key] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return [unknownID] }
            pieces.append(id)
            start = end
        }
        return pieces
    }

    // MARK: Character classes (those of the reference BERT tokenizer)

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            || scalar.properties.generalCategory == .spaceSeparator
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
            || (123...126).contains(value)
        {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}

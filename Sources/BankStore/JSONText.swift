import Foundation

/// JSON through Foundation's `JSONSerialization`, with what the bank needs around it: syntax errors
/// with their position, deterministic output, and telling booleans, integers and fractions apart.
///
/// Parsed values are Foundation's: `[String: Any]`, `[Any]`, `String`, `NSNumber` (booleans are
/// `NSNumber`s too) and `NSNull`. Objects are unordered (a repeated key keeps its last value, as
/// Python's `json.load` does), so output always sorts keys, which makes it byte-stable.
enum JSONText {
    /// Why Foundation refused a text, and where when it says.
    struct SyntaxError: Error, Sendable, Equatable {
        /// Where Foundation stopped: a byte offset into the parsed data, or a 1-based line and column.
        enum Position: Sendable, Equatable {
            case byte(Int)
            case lineAndColumn(line: Int, column: Int)
        }

        /// Nil when Foundation gives no position (it ran into the end of the text).
        var position: Position?
        /// Foundation's explanation without its position, e.g. "invalid value".
        var reason: String
    }

    /// A value Foundation cannot write (not JSON, or a NaN or infinite number).
    struct WriteError: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// How `string(_:style:)` lays the text out.
    enum Style {
        /// No whitespace: `{"a":1,"b":[2,3]}`. Used for JSON Lines and inside the database.
        case compact
        /// `JSONSerialization`'s pretty printing: one member or element per line, two-space indent.
        case pretty
    }

    // MARK: Reading

    /// Parses one JSON value (any value, not only an array or object), refusing trailing text.
    /// Foundation is strict about RFC 8259 except that it accepts a trailing comma in an array or object.
    ///
    /// Numbers that Foundation gives as `NSDecimalNumber` but that are a `Double`'s shortest decimal
    /// become that `Double` (see `normalized(_:)`).
    static func parse(_ data: Data) throws(SyntaxError) -> Any {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw syntaxError(error)
        }
        return normalized(value)
    }

    /// `value` with every `NSDecimalNumber` that is a `Double`'s shortest decimal replaced by that `Double`.
    ///
    /// `JSONSerialization` on Linux gives many numbers as `NSDecimalNumber`s (e.g. 17-digit doubles as
    /// Python writes them, or `2.9e+16`): their `doubleValue` is not correctly rounded, and writing them
    /// expands exponents (`1.2e-17` becomes `0.000000000000000012`). Other decimals (such as integers too
    /// large for 64 bits) are kept exact.
    private static func normalized(_ value: Any) -> Any {
        switch value {
        case let decimal as NSDecimalNumber:
            guard let double = Double(decimal.stringValue), double.isFinite,
                Decimal(string: double.description) == decimal.decimalValue
            else { return decimal }
            return NSNumber(value: double)
        case let array as [Any]:
            return array.map(normalized)
        case let object as [String: Any]:
            return object.mapValues(normalized)
        default:
            return value
        }
    }

    /// Foundation's error as a `SyntaxError`: its debug description (e.g. "Invalid value around
    /// character 67.") split into the reason and the position.
    static func syntaxError(_ error: any Error) -> SyntaxError {
        let nsError = error as NSError
        var text = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        var position: SyntaxError.Position?
        if let match = text.firstMatch(of: /\s+around line (\d+), column (\d+)\.?$/),
            let line = Int(match.1), let column = Int(match.2)
        {
            position = .lineAndColumn(line: line, column: column)
            text.removeSubrange(match.range)
        } else if let match = text.firstMatch(of: /\s+around character (\d+)\.?$/), let offset = Int(match.1) {
            position = .byte(offset)
            text.removeSubrange(match.range)
        }
        if text.hasSuffix(".") { text.removeLast() }
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        return SyntaxError(position: position, reason: text)
    }

    /// Whether the value is JSON `null`.
    static func isNull(_ value: Any) -> Bool { value is NSNull }

    /// The value of a JSON `true` or `false`; nil for anything else, numbers included.
    ///
    /// Foundation gives booleans as `NSNumber`s, and `as? Bool` also accepts the numbers 0 and 1, so a
    /// boolean is recognised by its Objective-C type `c` (`char`), which only booleans get from the parser.
    static func bool(_ value: Any) -> Bool? {
        guard let number = value as? NSNumber, objCType(number) == "c" else { return nil }
        return number.boolValue
    }

    /// The value when it is a JSON number (not a boolean).
    static func number(_ value: Any) -> NSNumber? {
        guard let number = value as? NSNumber, objCType(number) != "c" else { return nil }
        return number
    }

    /// The number as a `Double` (correctly rounded), nil when the value is not a number.
    ///
    /// An `NSDecimalNumber` (an integer too large for 64 bits, or a value not from `parse`) is read
    /// from its exact decimal text, because its `doubleValue` is not correctly rounded on Linux.
    static func double(_ value: Any) -> Double? {
        guard let number = number(value) else { return nil }
        if number is NSDecimalNumber, let exact = Double(number.stringValue) { return exact }
        return number.doubleValue
    }

    /// Whether the value is a number written without a fraction or exponent that fits 64 bits, e.g. `42`
    /// (Foundation parses those as integers, and other numbers as `Double` or `NSDecimalNumber`).
    static func isInteger(_ value: Any) -> Bool {
        guard let number = number(value), !(number is NSDecimalNumber) else { return false }
        return ["s", "i", "l", "q", "S", "I", "L", "Q"].contains(objCType(number))
    }

    private static func objCType(_ number: NSNumber) -> String { String(cString: number.objCType) }

    /// How the value is described in error messages: "a string (\"…\")", "an array of 3", "the number 5", ….
    static func describe(_ value: Any) -> String {
        if isNull(value) { return "null" }
        if let flag = bool(value) { return "the boolean \(flag)" }
        if let number = number(value) {
            let literal = (try? string(number)) ?? number.description
            return "the number \(literal.prefix(40))"
        }
        if let text = value as? String { return "a string (\"\(text.prefix(40))\(text.count > 40 ? "…" : "")\")" }
        if let array = value as? [Any] { return "an array of \(array.count)" }
        if value is [String: Any] { return "an object" }
        return "a \(type(of: value))"
    }

    // MARK: Writing

    /// The value as JSON text, keys sorted, `/` not escaped, non-ASCII characters as UTF-8. Numbers are
    /// the shortest decimal that reads back as the same value (`Float`s as the same `Float`), without a
    /// trailing `.0`.
    static func string(_ value: Any, style: Style = .compact) throws(WriteError) -> String {
        guard JSONSerialization.isValidJSONObject([value]) else {
            throw WriteError(description: "\(type(of: value)) is not a JSON value")
        }
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]
        if style == .pretty { options.insert(.prettyPrinted) }
        do {
            return String(decoding: try JSONSerialization.data(withJSONObject: value, options: options), as: UTF8.self)
        } catch {
            throw WriteError(description: syntaxError(error).reason)
        }
    }

    /// The value to write, or `NSNull` (JSON `null`) when there is none.
    static func orNull(_ value: Any?) -> Any { value ?? NSNull() }

    /// A `Double` to write: written as its shortest round-tripping decimal. Negative zero becomes 0,
    /// because it would be written as `-0`, which reads back as the integer 0.
    static func number(_ value: Double) -> NSNumber { NSNumber(value: value == 0 ? 0 : value) }

    /// A `Float` to write: written as the shortest decimal that reads back as the same `Float`
    /// (negative zero becomes 0, as for `Double`).
    static func number(_ value: Float) -> NSNumber { NSNumber(value: value == 0 ? 0 : value) }
}

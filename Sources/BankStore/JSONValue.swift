import Foundation

/// A JSON value that keeps what a round trip needs: object members in file order (duplicates
/// included) and numbers as the literal text they were written with.
///
/// Foundation's `JSONSerialization` loses both, so import and export go through this type.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as its literal text, e.g. `1712345678.25` or `-3.4028235e+38`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// A number written as the shortest decimal that reads back as the same `Double`.
    static func double(_ value: Double) -> JSONValue { .number(value.description) }

    /// A number written as the shortest decimal that reads back as the same `Float`.
    static func float(_ value: Float) -> JSONValue { .number(value.description) }

    /// An integer number.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// An optional string, `null` when absent.
    static func optionalString(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The value of the last member named `key`, when this is an object (JSON parsers keep the last).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The members of an object, nil for anything else.
    var members: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    /// The number as a `Double` (correctly rounded), nil when this is not a number.
    var doubleValue: Double? {
        if case .number(let literal) = self { return Double(literal) }
        return nil
    }

    /// Whether this is a number written without a fraction or exponent, e.g. `42`.
    var isIntegerLiteral: Bool {
        guard case .number(let literal) = self else { return false }
        return !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    }

    var isNull: Bool { self == .null }

    /// How the value is described in error messages: "a string", "an array", ….
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): "the boolean \(value)"
        case .number(let literal): "the number \(literal.prefix(40))"
        case .string(let value): "a string (\"\(value.prefix(40))\(value.count > 40 ? "…" : "")\")"
        case .array(let values): "an array of \(values.count)"
        case .object: "an object"
        }
    }

    /// Whether two values mean the same JSON: numbers compared as `Double`, objects as key → value maps.
    func isSemanticallyEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number, .number): return doubleValue == other.doubleValue
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSemanticallyEqual(to: $1) }
        case (.object(let a), .object(let b)):
            let left = Dictionary(a.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            let right = Dictionary(b.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            guard Set(left.keys) == Set(right.keys) else { return false }
            return left.allSatisfy { key, value in right[key].map { value.isSemanticallyEqual(to: $0) } ?? false }
        default: return false
        }
    }
}

import Foundation

/// Any JSON value, as the environment protocol's free-form fields (`info`) carry it.
public enum ProtocolValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ProtocolValue])
    case object([String: ProtocolValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ProtocolValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ProtocolValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object (nil otherwise).
    public subscript(key: String) -> ProtocolValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The strings of an array of strings (nil otherwise).
    public var strings: [String]? {
        guard case .array(let values) = self else { return nil }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}

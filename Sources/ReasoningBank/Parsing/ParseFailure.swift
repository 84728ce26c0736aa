import Foundation

/// Why a model's text could not be parsed. Parsers never crash; they return one of these.
public enum ParseFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    case empty
    /// A required part was not found, e.g. `Action:` or `Status:`.
    case missing(String)
    /// A part was found but its value is not one the format allows.
    case invalidValue(field: String, value: String)
    /// A structure was opened and not closed, e.g. `<action>` without `</action>`.
    case unterminated(String)

    public var description: String {
        switch self {
        case .empty: "the text is empty"
        case .missing(let part): "no \(part) found"
        case .invalidValue(let field, let value):
            "\(field) has value \"\(value.prefix(60))\", which the format does not allow"
        case .unterminated(let part): "\(part) is not closed"
        }
    }
}

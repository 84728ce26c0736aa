import TOMLKit

/// Why a TOML text could not be parsed, with the position TOMLKit gives (1-based; nil when it gave none).
public struct TOMLSyntaxError: Error, Sendable, Hashable {
    public var line: Int?
    public var column: Int?
    public var reason: String
}

/// Parsing TOML text into a table, with the error's position when the text is malformed.
public enum TOMLDocument {
    public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
        } catch {
            throw TOMLSyntaxError(line: nil, column: nil, reason: String(describing: error))
        }
    }
}

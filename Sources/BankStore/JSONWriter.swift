import Foundation

/// Writes `JSONValue`s deterministically: the same value always gives the same bytes.
enum JSONWriter {
    enum Style {
        /// No whitespace: `{"a":1,"b":[2,3]}`. Used inside the database.
        case minimal
        /// Python's `json.dumps` default: `{"a": 1, "b": [2, 3]}`. Used for JSON Lines files.
        case python
        /// Python's `json.dump(indent=2)`: one member per line, two-space indent.
        case pretty
    }

    /// The value as text, members in their stored order (or sorted by key when `sortKeys`).
    static func string(_ value: JSONValue, style: Style, sortKeys: Bool = false) -> String {
        var output = ""
        write(value, style: style, sortKeys: sortKeys, level: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, style: Style, sortKeys: Bool, level: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): writeString(text, into: &output)
        case .array(let values):
            if values.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (offset, element) in values.enumerated() {
                if offset > 0 { output += style == .python ? ", " : "," }
                if style == .pretty { newline(level + 1, into: &output) }
                write(element, style: style, sortKeys: sortKeys, level: level + 1, into: &output)
            }
            if style == .pretty { newline(level, into: &output) }
            output += "]"
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            let ordered = sortKeys ? members.sorted { $0.key < $1.key } : members
            output += "{"
            for (offset, member) in ordered.enumerated() {
                if offset > 0 { output += style == .python ? ", " : "," }
                if style == .pretty { newline(level + 1, into: &output) }
                writeString(member.key, into: &output)
                output += style == .minimal ? ":" : ": "
                write(member.value, style: style, sortKeys: sortKeys, level: level + 1, into: &output)
            }
            if style == .pretty { newline(level, into: &output) }
            output += "}"
        }
    }

    private static func newline(_ level: Int, into output: inout String) {
        output += "\n"
        output += String(repeating: "  ", count: level)
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case let control where control.value < 0x20:
                output += "\\u00" + (control.value < 0x10 ? "0" : "") + String(control.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

import Foundation

/// One line of the shop's accessibility tree as the simulated agent reads it:
/// `[id] role 'label' value: '…' options: A, B` (id, value and options optional).
struct ShopViewNode: Sendable, Hashable {
    /// The element id, nil for lines that are not actionable (`StaticText`, `row`, `heading`).
    var id: String?
    /// `link`, `button`, `searchbox`, `textbox`, `combobox`, `StaticText`, `row`, `heading`, …
    var role: String
    /// The label between the quotes (empty when the line has none).
    var label: String
    /// The value of a filled box or the chosen option.
    var value: String?
    /// A combobox's options.
    var options: [String]
    /// The line's index among the lines of the observation.
    var line: Int

    /// Parses one line; nil for blank lines and lines that are not tree lines.
    init?(line text: String, index: Int) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        line = index
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let id = rest[rest.index(after: rest.startIndex)..<close]
            guard !id.isEmpty, id.allSatisfy(\.isNumber) else { return nil }
            self.id = String(id)
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        } else {
            id = nil
        }
        let role = rest.prefix { !$0.isWhitespace }
        guard !role.isEmpty, role.allSatisfy({ $0.isLetter }) else { return nil }
        self.role = String(role)
        rest = rest[role.endIndex...].drop { $0 == " " }
        options = []
        value = nil
        if let marker = rest.range(of: " options: ", options: .backwards), id != nil {
            options = rest[marker.upperBound...].components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
            rest = rest[..<marker.lowerBound]
        }
        if let marker = rest.range(of: " value: '", options: .backwards), id != nil, rest.hasSuffix("'") {
            value = String(rest[marker.upperBound..<rest.index(before: rest.endIndex)])
            rest = rest[..<marker.lowerBound]
        }
        if rest.hasPrefix("'"), rest.hasSuffix("'"), rest.count >= 2 {
            label = String(rest.dropFirst().dropLast())
        } else {
            label = String(rest)
        }
    }

    /// Whether the label equals `text`, ignoring case.
    func isLabelled(_ text: String) -> Bool { label.caseInsensitiveCompare(text) == .orderedSame }
}

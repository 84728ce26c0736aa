import Foundation
import ReasoningBank

/// A memory item as text for `$EDITOR`, and back: `# Title`, `## Description` and `## Content`
/// sections, each heading on its own line with the field below it.
///
/// Reading is total: headings are matched without regard to case or the number of `#`s, a colon after
/// the heading word is allowed, and text may follow the heading on the same line. Anything wrong — a
/// missing or repeated section, text before the first heading, an empty title — is an `ItemTextError`
/// that says what to fix; the caller keeps the old value.
public enum ItemText {
    /// The editable text of `item`.
    public static func text(_ item: ExtractedItem) -> String {
        "# Title\n\(item.title)\n\n## Description\n\(item.description)\n\n## Content\n\(item.content)\n"
    }

    /// The fields read back from `text`.
    public static func parse(_ text: String) -> Result<ExtractedItem, ItemTextError> {
        var sections: [Field: [String]] = [:]
        var current: Field?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if let (field, rest) = heading(line) {
                if sections[field] != nil { return .failure(.repeated(field.heading)) }
                sections[field] = rest.isEmpty ? [] : [rest]
                current = field
            } else if let field = current {
                sections[field, default: []].append(line)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                return .failure(.textBeforeTitle)
            }
        }
        for field in Field.allCases where sections[field] == nil { return .failure(.missing(field.heading)) }
        func value(_ field: Field) -> String {
            (sections[field] ?? []).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let title = TextLayout.singleLine(value(.title))
        guard !title.isEmpty else { return .failure(.emptyTitle) }
        return .success(ExtractedItem(title: title, description: value(.description), content: value(.content)))
    }

    private enum Field: CaseIterable {
        case title, description, content

        var word: String {
            switch self {
            case .title: "title"
            case .description: "description"
            case .content: "content"
            }
        }

        var heading: String {
            switch self {
            case .title: "# Title"
            case .description: "## Description"
            case .content: "## Content"
            }
        }
    }

    /// The field a heading line starts, and any text after the heading word on the same line.
    private static func heading(_ line: String) -> (Field, String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("#") else { return nil }
        let afterHashes = trimmed.drop { $0 == "#" }.drop { $0 == " " }
        for field in Field.allCases {
            guard afterHashes.lowercased().hasPrefix(field.word) else { continue }
            var rest = afterHashes.dropFirst(field.word.count)
            // `## Titles` is not a heading; `## Title: x` and `## Title x` are.
            if let next = rest.first, next != ":", next != " " { continue }
            if rest.first == ":" { rest = rest.dropFirst() }
            return (field, rest.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}

/// Why an edited item could not be read.
public enum ItemTextError: Error, Sendable, Hashable, CustomStringConvertible {
    case missing(String)
    case repeated(String)
    case textBeforeTitle
    case emptyTitle

    public var description: String {
        switch self {
        case .missing(let heading): "the \(heading) section is missing"
        case .repeated(let heading): "the \(heading) section appears twice"
        case .textBeforeTitle: "there is text before # Title"
        case .emptyTitle: "the title is empty"
        }
    }
}

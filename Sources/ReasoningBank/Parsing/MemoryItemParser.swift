import Foundation

/// Parses memory items in the paper's Markdown schema:
/// `# Memory Item i` / `## Title …` / `## Description …` / `## Content …`.
public enum MemoryItemParser {
    /// Total. Returns every complete item in order (text before the first item, such as the
    /// think-first reasoning, is skipped); fails when no complete item is present.
    public static func parse(_ text: String) -> Result<[ExtractedItem], ParseFailure> {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.empty) }
        var items: [ExtractedItem] = []
        var current: [Field: String] = [:]
        var field: Field?
        var sawTitle = false

        func flush() {
            if let item = makeItem(current) { items.append(item) }
            current = [:]
            field = nil
        }

        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let heading = headingField(line) {
                switch heading.field {
                case .itemStart:
                    flush()
                case .title where current[.title] != nil:
                    // A new Title without an item heading starts the next item.
                    flush()
                    fallthrough
                default:
                    field = heading.field
                    if heading.field == .title { sawTitle = true }
                    if !heading.rest.isEmpty { current[heading.field] = heading.rest }
                    else if current[heading.field] == nil { current[heading.field] = "" }
                }
                continue
            }
            guard let active = field, active != .itemStart else { continue }
            let existing = current[active] ?? ""
            current[active] = existing.isEmpty ? String(line) : existing + "\n" + line
        }
        flush()
        if items.isEmpty { return .failure(.missing(sawTitle ? "## Content" : "## Title")) }
        return .success(items)
    }

    private enum Field: Hashable {
        case itemStart, title, description, content
    }

    private static func headingField(_ line: String) -> (field: Field, rest: String)? {
        guard line.hasPrefix("#") else { return nil }
        let body = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        let lower = body.lowercased()
        let table: [(String, Field)] = [
            ("memory item", .itemStart), ("title", .title), ("description", .description), ("content", .content),
        ]
        for (word, field) in table where lower.hasPrefix(word) {
            var rest = body.dropFirst(word.count)
            if field == .itemStart { return (field, "") }
            // Accept `## Title: x`, `## Title x`, but not `## Titles`.
            if let first = rest.first, first.isLetter { return nil }
            rest = rest.drop(while: { $0 == ":" || $0 == " " })
            return (field, String(rest).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private static func makeItem(_ fields: [Field: String]) -> ExtractedItem? {
        func clean(_ field: Field) -> String {
            (fields[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let title = clean(.title)
        let content = clean(.content)
        guard !title.isEmpty, !content.isEmpty else { return nil }
        return ExtractedItem(title: title, description: clean(.description), content: content)
    }
}

/// One line of a pane: spans in theme roles, optionally on a highlighted row (the selection).
struct StyledLine: Sendable, Hashable {
    var spans: [Span]
    /// When set, the whole row is painted in this role first (e.g. `.selection`).
    var highlight: ThemeRole?

    init(_ spans: [Span] = [], highlight: ThemeRole? = nil) {
        self.spans = spans
        self.highlight = highlight
    }

    init(_ text: String, _ role: ThemeRole = .text) {
        self.init([Span(text, role)])
    }

    static let blank = StyledLine()

    /// The plain text of the line.
    var text: String { spans.map(\.text).joined() }

    /// Columns the line takes.
    var width: Int { TextLayout.width(text) }

    /// This line with `span` appended.
    func appending(_ text: String, _ role: ThemeRole = .text) -> StyledLine {
        var copy = self
        copy.spans.append(Span(text, role))
        return copy
    }

    /// This line with its row highlighted in `role`.
    func highlighted(_ role: ThemeRole?) -> StyledLine {
        var copy = self
        copy.highlight = role
        return copy
    }

    /// Text after a fixed-width label, wrapped to `width` columns with continuation lines indented under
    /// the text: `label` is padded to `labelWidth`, and everything starts after `indent` spaces.
    static func labeled(
        _ label: String, _ text: String, labelWidth: Int, width: Int, labelRole: ThemeRole = .muted,
        textRole: ThemeRole = .text, indent: Int = 0, maxLines: Int? = nil
    ) -> [StyledLine] {
        let lead = String(repeating: " ", count: indent)
        let textWidth = max(1, width - indent - labelWidth)
        var wrapped = TextLayout.wrap(text, to: textWidth)
        if let maxLines, wrapped.count > maxLines, maxLines > 0 {
            let kept = Array(wrapped.prefix(maxLines))
            wrapped = kept.dropLast() + [TextLayout.truncate((kept.last ?? "") + " …", to: textWidth)]
        }
        return wrapped.enumerated().map { index, piece in
            let head = index == 0 ? TextLayout.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
            return StyledLine([Span(lead + head, labelRole), Span(piece, textRole)])
        }
    }

    /// `text` wrapped to `width` columns in `role`, each line after `indent` spaces.
    static func wrapped(_ text: String, width: Int, role: ThemeRole = .text, indent: Int = 0) -> [StyledLine] {
        let lead = String(repeating: " ", count: indent)
        return TextLayout.wrap(text, to: max(1, width - indent)).map { StyledLine(lead + $0, role) }
    }
}

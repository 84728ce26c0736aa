/// Drawing helpers the screens share: styled lines, boxes with titles, scrolled text. Everything goes
/// through `Grid.put`, so text is clipped and wide characters stay whole.
extension Grid {
    /// Draws `line` from (`x`, `y`) in at most `width` columns, ending in `…` when it does not fit.
    /// `base` is the style underneath (a dialog's, the bar's); a highlighted line paints its row first.
    mutating func draw(_ line: StyledLine, x: Int, y: Int, width: Int, theme: Theme, base: Style = .plain) {
        guard width > 0 else { return }
        var rowStyle = base
        if let highlight = line.highlight {
            rowStyle = theme[highlight].layered(over: base)
            fill(Rect(x: x, y: y, width: width, height: 1), style: rowStyle)
        }
        let fits = line.width <= width
        var column = x
        for span in line.spans {
            let remaining = x + width - column
            guard remaining > 0 else { break }
            let style = theme[span.role].layered(over: rowStyle)
            let text = fits ? span.text : fittedSpan(span.text, remaining: remaining, isLast: span == line.spans.last)
            column += put(text, x: column, y: y, style: style, maxWidth: remaining)
        }
    }

    /// A span cut to the columns left on its line, with `…` when anything after it is lost.
    private func fittedSpan(_ text: String, remaining: Int, isLast: Bool) -> String {
        let spanWidth = TextLayout.width(text)
        if spanWidth < remaining || (spanWidth == remaining && isLast) { return text }
        return TextLayout.truncate(text + (spanWidth == remaining ? " " : ""), to: remaining)
    }

    /// Draws `lines` into `rect` starting at line `offset`.
    mutating func draw(_ lines: [StyledLine], in rect: Rect, offset: Int = 0, theme: Theme, base: Style = .plain) {
        guard !rect.isEmpty else { return }
        for row in 0..<rect.height {
            let index = offset + row
            guard index >= 0, index < lines.count else { continue }
            draw(lines[index], x: rect.x, y: rect.y + row, width: rect.width, theme: theme, base: base)
        }
    }

    /// A box around `rect` with `title` in its top border and an optional `note` at the right of the
    /// bottom border. The focused box is drawn with heavy lines, so focus shows without colour too;
    /// `borderRole` draws the border in another role (e.g. the selector's chosen column).
    mutating func drawBox(
        _ rect: Rect, title: String, focused: Bool, theme: Theme, note: String? = nil, base: Style = .plain,
        borderRole: ThemeRole? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let glyphs = focused ? BoxGlyphs.heavy : BoxGlyphs.light
        let border = theme[borderRole ?? (focused ? .borderFocused : .border)].layered(over: base)
        let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
        put(glyphs.topLeft + horizontal + glyphs.topRight, x: rect.x, y: rect.y, style: border)
        put(glyphs.bottomLeft + horizontal + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(glyphs.vertical, x: rect.x, y: y, style: border)
            put(glyphs.vertical, x: rect.maxX - 1, y: y, style: border)
        }
        let titleRoom = rect.width - 4
        if titleRoom >= 3, !title.isEmpty {
            let shown = " " + TextLayout.truncate(title, to: titleRoom - 2) + " "
            put(shown, x: rect.x + 1, y: rect.y, style: theme[.title].layered(over: base))
        }
        if let note, !note.isEmpty, rect.width - 4 >= TextLayout.width(note) + 2 {
            let shown = " " + note + " "
            put(shown, x: rect.maxX - 2 - TextLayout.width(shown), y: rect.maxY - 1, style: theme[.muted].layered(over: base))
        }
    }

    /// A boxed pane of scrolled lines: the box, the lines inside with one column of padding, and a
    /// "more" note when lines are hidden below or above. Returns the inner rectangle.
    @discardableResult
    mutating func drawPane(
        _ rect: Rect, title: String, lines: [StyledLine], offset: Int, focused: Bool, theme: Theme,
        base: Style = .plain
    ) -> Rect {
        let inner = Self.paneInterior(rect)
        let first = Self.clampedOffset(offset, count: lines.count, visible: inner.height)
        let below = max(0, lines.count - first - inner.height)
        var note: String?
        if below > 0 { note = "↓ \(below) more" } else if first > 0 { note = "↑ \(first) above" }
        drawBox(rect, title: title, focused: focused, theme: theme, note: note, base: base)
        draw(lines, in: inner, offset: first, theme: theme, base: base)
        return inner
    }

    /// The text area of a boxed pane: inside the border, one column of padding each side.
    static func paneInterior(_ rect: Rect) -> Rect {
        Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }

    /// `offset` kept within the lines, so the last page is full.
    static func clampedOffset(_ offset: Int, count: Int, visible: Int) -> Int {
        max(0, min(offset, count - max(1, visible)))
    }
}

/// Measuring, truncating and wrapping text by display columns (CJK and emoji take two), so every
/// screen lays text out the same way and never writes past its box.
enum TextLayout {
    /// Columns `text` takes on screen.
    static func width(_ text: String) -> Int { CharacterWidth.of(text) }

    /// `text` on one line: newlines and tabs become spaces, runs of spaces collapse.
    static func singleLine(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text {
            let isSpace = character.isWhitespace
            if isSpace {
                if !lastWasSpace, !result.isEmpty { result.append(" ") }
            } else {
                result.append(character)
            }
            lastWasSpace = isSpace
        }
        while result.last == " " { result.removeLast() }
        return result
    }

    /// `text` cut to at most `columns` columns, ending in `…` when something was cut.
    static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        guard width(text) > columns else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = CharacterWidth.of(character)
            if used + characterWidth > columns - 1 { break }
            result.append(character)
            used += characterWidth
        }
        while result.last == " " { result.removeLast() }
        return result + "…"
    }

    /// `text` cut from the left to at most `columns` columns, starting with `…` when something was cut
    /// (for paths, whose end matters most).
    static func truncateLeading(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        guard width(text) > columns else { return text }
        var result = ""
        var used = 0
        for character in text.reversed() {
            let characterWidth = CharacterWidth.of(character)
            if used + characterWidth > columns - 1 { break }
            result.insert(character, at: result.startIndex)
            used += characterWidth
        }
        return "…" + result
    }

    /// `text` padded with spaces to `columns` columns (truncated first when longer).
    static func pad(_ text: String, to columns: Int) -> String {
        let fitted = truncate(text, to: columns)
        return fitted + String(repeating: " ", count: max(0, columns - width(fitted)))
    }

    /// `text` right-aligned in `columns` columns (truncated first when longer).
    static func padLeading(_ text: String, to columns: Int) -> String {
        let fitted = truncate(text, to: columns)
        return String(repeating: " ", count: max(0, columns - width(fitted))) + fitted
    }

    /// `text` word-wrapped to `columns` columns. Newlines start new lines; a word longer than a line is
    /// broken; an empty text gives one empty line.
    static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), to: columns)
        }
        return lines.isEmpty ? [""] : lines
    }

    /// A paragraph that fits stays as it is (spacing and all); a longer one is wrapped at spaces, its
    /// continuation lines indented like its first.
    private static func wrapParagraph(_ paragraph: String, to columns: Int) -> [String] {
        let paragraph = paragraph.replacingTabs()
        if width(paragraph) <= columns { return [paragraph.replacingTrailingSpaces()] }
        let indentWidth = min(paragraph.prefix { $0 == " " }.count, columns / 2)
        let indent = String(repeating: " ", count: indentWidth)
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [""] }
        let columns = columns - indentWidth
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in words {
            let wordWidth = width(word)
            if currentWidth > 0, currentWidth + 1 + wordWidth <= columns {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if currentWidth > 0 {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            if wordWidth <= columns {
                current = word
                currentWidth = wordWidth
            } else {
                let pieces = breakWord(word, to: columns)
                lines += pieces.dropLast()
                current = pieces.last ?? ""
                currentWidth = width(current)
            }
        }
        if currentWidth > 0 || lines.isEmpty { lines.append(current) }
        return lines.map { indent + $0 }
    }

    /// A word longer than a line, in line-sized pieces.
    private static func breakWord(_ word: String, to columns: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var used = 0
        for character in word {
            let characterWidth = max(1, CharacterWidth.of(character))
            if used + characterWidth > columns, !current.isEmpty {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += characterWidth
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}

extension String {
    /// Tabs as single spaces, for layout.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}

/// A one-line text field with a cursor: the palette, the bank's search and title inputs, the task filter.
struct LineInput: Sendable, Hashable {
    private(set) var characters: [Character]
    /// Position of the cursor, 0…`characters.count`.
    private(set) var cursor: Int

    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    mutating func moveToStart() { cursor = 0 }
    mutating func moveToEnd() { cursor = characters.count }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    mutating func clear() {
        characters = []
        cursor = 0
    }

    /// The visible part of the field in `columns` columns, scrolled so the cursor shows, and the
    /// cursor's column in it.
    func visible(in columns: Int) -> (text: String, cursorColumn: Int) {
        guard columns > 1 else { return ("", 0) }
        var start = 0
        var widthBeforeCursor = characters[0..<cursor].reduce(0) { $0 + CharacterWidth.of($1) }
        while widthBeforeCursor > columns - 1, start < cursor {
            widthBeforeCursor -= CharacterWidth.of(characters[start])
            start += 1
        }
        var shown = ""
        var used = 0
        for character in characters[start...] {
            let width = CharacterWidth.of(character)
            if used + width > columns { break }
            shown.append(character)
            used += width
        }
        return (shown, widthBeforeCursor)
    }
}

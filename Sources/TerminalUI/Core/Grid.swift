/// A screen's worth of cells: what `render` produces and what a backend flushes. A value type, so
/// tests compare grids and snapshot them as text.
public struct Grid: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * size.width + x] = newValue
        }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < size.width && y < size.height }

    /// Writes `text` from (`x`, `y`) on one line, clipped to `clip` (default: the whole grid) and to
    /// `maxWidth` columns. Wide characters take two cells; one that would straddle the edge is replaced by
    /// a space. Control characters are drawn as `·`. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY else { return 0 }
        let limit = min(area.maxX, maxWidth.map { x + max(0, $0) } ?? Int.max)
        var column = x
        for character in text {
            var shown = character
            var width = CharacterWidth.of(character)
            if character.isNewline || (width == 0 && character.unicodeScalars.allSatisfy { $0.value < 0x20 || $0.value == 0x7F }) {
                shown = "·"
                width = 1
            }
            if width == 0 { continue }
            if column + width > limit {
                if width == 2, column < limit, column >= area.x { self[column, y] = Cell(" ", style: style) }
                break
            }
            if column >= area.x {
                clearWide(at: column, y: y)
                self[column, y] = Cell(shown, style: style)
                if width == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = .continuation
                }
            }
            column += width
        }
        return column - x
    }

    /// Paints every cell of `rect` with `style` and a space.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) { self[x, y] = Cell(character, style: style) }
        }
    }

    /// Changes the style of every cell of `rect`, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) { change(&cells[y * size.width + x].style) }
        }
    }

    /// The text of row `y`, wide characters once, trailing spaces kept.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width {
            if case .character(let character) = self[x, y].content { text.append(character) }
        }
        return text
    }

    /// The whole grid as text, one line per row with trailing spaces removed: the snapshot format.
    public var text: String {
        (0..<size.height).map { line($0).replacingTrailingSpaces() }.joined(separator: "\n")
    }

    /// Overwriting half of a wide character blanks its other half, so no orphan halves remain.
    private mutating func clearWide(at x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        if self[x, y].content == .continuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if case .character(let character) = self[x, y].content, CharacterWidth.of(character) == 2, x + 1 < size.width {
            self[x + 1, y] = Cell(" ", style: self[x, y].style)
        }
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

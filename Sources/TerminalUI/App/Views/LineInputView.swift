/// Draws a one-line input with its cursor as a selection-styled cell.
enum LineInputView {
    static func draw(_ input: LineInput, x: Int, y: Int, width: Int, grid: inout Grid, theme: Theme, base: Style = .plain) {
        guard width > 1 else { return }
        let (text, cursorColumn) = input.visible(in: width)
        grid.put(text, x: x, y: y, style: theme[.text].layered(over: base), maxWidth: width)
        let cursorX = x + cursorColumn
        guard cursorX < x + width else { return }
        var cell = grid[cursorX, y]
        if cell.content == .continuation { return }
        cell.style = theme[.selection].layered(over: base)
        grid[cursorX, y] = cell
        if case .character(let character) = cell.content, CharacterWidth.of(character) == 2 {
            grid.restyle(Rect(x: cursorX + 1, y: y, width: 1, height: 1)) { $0 = theme[.selection].layered(over: base) }
        }
    }
}

/// The bottom bar: the focused context's bindings from the binding table, as many as fit, help last.
enum KeyBar {
    static func draw(_ state: AppState, in rect: Rect, grid: inout Grid, theme: Theme) {
        let base = theme[.bar]
        grid.fill(rect, style: base)
        grid.draw(line(state.barBindings, width: rect.width - 2), x: rect.x + 1, y: rect.y, width: rect.width - 2, theme: theme, base: base)
    }

    /// `key label` pairs separated by two spaces; whole pairs are dropped from the end (keeping help,
    /// the last) until the line fits.
    static func line(_ bindings: [KeyBinding], width: Int) -> StyledLine {
        var items = bindings
        while !items.isEmpty {
            let line = build(items)
            if line.width <= width { return line }
            items.remove(at: items.count >= 2 && items.last?.command == .help ? items.count - 2 : items.count - 1)
        }
        return StyledLine()
    }

    private static func build(_ bindings: [KeyBinding]) -> StyledLine {
        var line = StyledLine()
        for binding in bindings {
            if !line.spans.isEmpty { line = line.appending("  ", .bar) }
            let key = binding.keys.first?.description ?? ""
            line = line.appending(key, .key).appending(" " + (binding.barLabel ?? binding.summary), .bar)
        }
        return line
    }
}

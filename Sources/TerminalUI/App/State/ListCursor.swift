/// The selected row of a list and the first row shown, kept so the selection stays on screen.
struct ListCursor: Sendable, Hashable {
    var selection = 0
    /// The first visible row.
    var top = 0

    /// Moves the selection by `delta` rows within `count` rows, `visible` of which fit.
    mutating func move(by delta: Int, count: Int, visible: Int) {
        select(selection + delta, count: count, visible: visible)
    }

    /// Selects row `index` (clamped) and scrolls as little as needed to show it.
    mutating func select(_ index: Int, count: Int, visible: Int) {
        selection = max(0, min(index, count - 1))
        clamp(count: count, visible: visible)
    }

    /// Keeps the selection in range and visible.
    mutating func clamp(count: Int, visible: Int) {
        selection = max(0, min(selection, count - 1))
        let rows = max(1, visible)
        if selection < top { top = selection }
        if selection >= top + rows { top = selection - rows + 1 }
        top = max(0, min(top, count - rows))
    }

    /// This cursor clamped for drawing.
    func clamped(count: Int, visible: Int) -> ListCursor {
        var copy = self
        copy.clamp(count: count, visible: visible)
        return copy
    }
}

/// Where a screen's panes go: full boxes, and (on narrow terminals) panes collapsed to a one-row header
/// so the focused pane gets the room.
struct PaneLayout<Pane: Hashable & Sendable>: Sendable {
    var rects: [Pane: Rect] = [:]
    var collapsed: Set<Pane> = []

    /// Panes side by side: `main` on the left (`mainShare` percent), the others stacked on the right by
    /// `weights`.
    static func columns(_ body: Rect, main: Pane, mainShare: Int, side: [Pane], weights: [Int]) -> PaneLayout {
        var layout = PaneLayout()
        let (left, right) = body.splitLeft(body.width * mainShare / 100)
        layout.rects[main] = left
        for (pane, rect) in zip(side, right.rows(weights)) { layout.rects[pane] = rect }
        return layout
    }

    /// Panes stacked, the focused one taking every row the others' one-row headers leave.
    static func stacked(_ body: Rect, panes: [Pane], focus: Pane) -> PaneLayout {
        var layout = PaneLayout()
        let big = max(0, body.height - (panes.count - 1))
        var y = body.y
        for pane in panes {
            let height = pane == focus ? big : 1
            layout.rects[pane] = Rect(x: body.x, y: y, width: body.width, height: height)
            if pane != focus { layout.collapsed.insert(pane) }
            y += height
        }
        return layout
    }

    /// Draws a collapsed pane: a rule with its title.
    static func drawCollapsed(_ rect: Rect, title: String, grid: inout Grid, theme: Theme) {
        let rule = String(repeating: "─", count: max(0, rect.width))
        grid.put(rule, x: rect.x, y: rect.y, style: theme[.border])
        let shown = " ▸ " + TextLayout.truncate(title, to: max(0, rect.width - 6)) + " "
        grid.put(shown, x: rect.x + 1, y: rect.y, style: theme[.muted])
    }
}

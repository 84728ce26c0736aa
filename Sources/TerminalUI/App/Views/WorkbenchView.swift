/// Draws the whole workbench: top bar, the current screen, a held gate's dialog, the status row, the key
/// bar and any overlay — or, below the minimum size, only a message saying so.
enum WorkbenchView {
    static func render(_ state: AppState, size: Size, theme: Theme) -> Grid {
        var grid = Grid(size: size, fill: Cell(" ", style: theme[.text]))
        guard ScreenFrame.fits(size) else {
            drawTooSmall(size, grid: &grid, theme: theme)
            return grid
        }
        let frame = ScreenFrame(size: size)
        TopBar.draw(state, in: frame.top, grid: &grid, theme: theme)
        switch state.screen {
        case .run: RunScreenView.draw(state, body: frame.body, grid: &grid, theme: theme)
        case .bank: BankScreenView.draw(state, body: frame.body, grid: &grid, theme: theme)
        case .runs: RunsScreenView.draw(state, body: frame.body, grid: &grid, theme: theme)
        case .compare: CompareScreenView.draw(state, body: frame.body, grid: &grid, theme: theme)
        }
        if state.screen == .run, let gate = state.gate {
            GateDialogView.draw(gate, state: state, body: frame.body, grid: &grid, theme: theme)
        }
        StatusRow.draw(state, in: frame.status, grid: &grid, theme: theme)
        KeyBar.draw(state, in: frame.bar, grid: &grid, theme: theme)
        OverlayView.draw(state, body: frame.body, grid: &grid, theme: theme)
        return grid
    }

    /// `Terminal too small: W×H. rbank needs at least 60×16.`, wrapped and centred.
    static func drawTooSmall(_ size: Size, grid: inout Grid, theme: Theme) {
        let minimum = ScreenFrame.minimum
        let message = "Terminal too small: \(size.width)×\(size.height). rbank needs at least \(minimum.width)×\(minimum.height)."
        let lines = size.width >= TextLayout.width(message)
            ? [message]
            : ["Terminal too small: \(size.width)×\(size.height).", "rbank needs at least \(minimum.width)×\(minimum.height)."]
                .flatMap { TextLayout.wrap($0, to: size.width) }
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (size.width - TextLayout.width(line)) / 2)
            grid.put(line, x: x, y: top + index, style: theme[index == 0 ? .warning : .text])
        }
    }
}

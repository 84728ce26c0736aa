import Foundation
import ReasoningBank

/// The top bar: `rbank · provider/model [SIMULATION] · bank … · env … · tokens N · cost …`, shortened
/// to fit — the bank to its file name, the cost to its amount — before anything is cut.
enum TopBar {
    static func draw(_ state: AppState, in rect: Rect, grid: inout Grid, theme: Theme) {
        let base = theme[.bar]
        grid.fill(rect, style: base)
        let line = fitted(state, width: rect.width - 2)
        grid.draw(line, x: rect.x + 1, y: rect.y, width: rect.width - 2, theme: theme, base: base)
    }

    /// The bar's text in `width` columns: the first of ever shorter forms that fits — the bank as its
    /// file name, the cost without its note, then without the bank, without the cost of a simulation,
    /// and with `SIM` for `SIMULATION`.
    static func fitted(_ state: AppState, width: Int) -> StyledLine {
        let header = state.header
        var usage = header.usage
        if let live = state.run.live, live.isRunning { usage += live.record.usage }
        if let comparison = state.compare.comparison, comparison.isRunning { usage += comparison.usage }
        let fileName = header.bank.split(separator: "/").last.map(String.init) ?? header.bank
        let shortCost = header.costText.split(separator: "(").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? header.costText
        let simulation = header.model.isSimulation
        let forms: [(bank: String?, cost: String?, simulation: String)] = [
            (header.bank, header.costText, "SIMULATION"),
            (fileName, header.costText, "SIMULATION"),
            (fileName, shortCost, "SIMULATION"),
            (nil, shortCost, "SIMULATION"),
            (nil, simulation ? nil : shortCost, "SIMULATION"),
            (nil, simulation ? nil : shortCost, "SIM"),
        ]
        var line = StyledLine()
        for form in forms {
            line = build(header, bank: form.bank, cost: form.cost, simulationLabel: form.simulation, tokens: usage.totalTokens)
            if line.width <= width { break }
        }
        return line
    }

    private static func build(_ header: HeaderInfo, bank: String?, cost: String?, simulationLabel: String, tokens: Int) -> StyledLine {
        var line = StyledLine([Span("rbank", .title), Span(" · " + header.model.provider + "/" + header.model.model, .bar)])
        if header.model.isSimulation { line = line.appending(" " + simulationLabel, .warning) }
        if let bank { line = line.appending(" · bank " + bank, .bar) }
        line = line.appending(" · env " + header.environment + " · tokens " + DisplayFormat.count(tokens), .bar)
        if let cost, !cost.isEmpty { line = line.appending(" · cost " + cost, .bar) }
        return line
    }
}

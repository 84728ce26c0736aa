import Foundation
import ReasoningBank

/// The top bar: `rbank · provider/model [SIMULATION] · bank … · env … · embedder … · tokens N · cost …`,
/// shortened to fit — the bank to its file name, the cost to its amount — before anything is cut.
enum TopBar {
    static func draw(_ state: AppState, in rect: Rect, grid: inout Grid, theme: Theme) {
        let base = theme[.bar]
        grid.fill(rect, style: base)
        let line = fitted(state, width: rect.width - 2)
        grid.draw(line, x: rect.x + 1, y: rect.y, width: rect.width - 2, theme: theme, base: base)
    }

    /// The bar's text in `width` columns: the first of ever shorter forms that fits — the bank as its
    /// file name, the cost without its note, the embedder by its short name alone, then without the
    /// embedder, without the bank, without the cost of a simulation, and with `SIM` for `SIMULATION`.
    static func fitted(_ state: AppState, width: Int) -> StyledLine {
        let header = state.header
        var usage = header.usage
        if let live = state.run.live, live.isRunning { usage += live.record.usage }
        if let comparison = state.compare.comparison, comparison.isRunning { usage += comparison.usage }
        let fileName = header.bank.split(separator: "/").last.map(String.init) ?? header.bank
        let shortCost = header.costText.split(separator: "(").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? header.costText
        let simulation = header.model.isSimulation
        let embedder = shortEmbedderName(header.embedder)
        let simulationCost = simulation ? nil : shortCost
        let forms: [(bank: String?, cost: String?, simulation: String, embedder: String?)] = [
            (header.bank, header.costText, "SIMULATION", "embedder " + embedder),
            (fileName, header.costText, "SIMULATION", "embedder " + embedder),
            (fileName, shortCost, "SIMULATION", "embedder " + embedder),
            (fileName, shortCost, "SIMULATION", embedder),
            (fileName, shortCost, "SIMULATION", nil),
            (nil, shortCost, "SIMULATION", nil),
            (nil, simulationCost, "SIMULATION", nil),
            (nil, simulationCost, "SIM", nil),
        ]
        var line = StyledLine()
        for form in forms {
            line = build(
                header, bank: form.bank, cost: form.cost, simulationLabel: form.simulation, embedder: form.embedder,
                tokens: usage.totalTokens)
            if line.width <= width { break }
        }
        return line
    }

    /// An embedder's name as the bar shows it: `all-MiniLM-L6-v2` as `MiniLM`, `hashing-384` as `hashing`,
    /// a blend's parts joined by `+` without its weight (`MiniLM+hashing`); others as they are.
    static func shortEmbedderName(_ name: String) -> String {
        let unweighted = name.split(separator: "@", maxSplits: 1).first.map(String.init) ?? name
        return unweighted.split(separator: "+").map { part in
            if part.hasPrefix("all-MiniLM") { return "MiniLM" }
            if part.hasPrefix("hashing") { return "hashing" }
            return String(part)
        }.joined(separator: "+")
    }

    private static func build(
        _ header: HeaderInfo, bank: String?, cost: String?, simulationLabel: String, embedder: String?, tokens: Int
    ) -> StyledLine {
        var line = StyledLine([Span("rbank", .title), Span(" · " + header.model.provider + "/" + header.model.model, .bar)])
        if header.model.isSimulation { line = line.appending(" " + simulationLabel, .warning) }
        if let bank { line = line.appending(" · bank " + bank, .bar) }
        line = line.appending(" · env " + header.environment, .bar)
        if let embedder, !embedder.isEmpty { line = line.appending(" · " + embedder, .bar) }
        line = line.appending(" · tokens " + DisplayFormat.count(tokens), .bar)
        if let cost, !cost.isEmpty { line = line.appending(" · cost " + cost, .bar) }
        return line
    }
}

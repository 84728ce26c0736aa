import Foundation
import ReasoningBank

/// Tables, CSV, Markdown and the learning-curve plot for `rbank bench`.
enum BenchFormatter {
    struct Row {
        var mode: String
        var tasks: Int
        var successRate: String
        var averageSteps: String
        var averageStepsOnSuccess: String
        var judgeAccuracy: String
        var inputTokens: Int
        var outputTokens: Int
        var cost: String
        var errors: Int
    }

    /// One row per mode; `pricesFile` is named in the cost when the model has no price.
    static func rows(_ result: BenchResult, pricesFile: URL? = nil) -> [Row] {
        result.modes.map { mode in
            Row(
                mode: mode.label, tasks: mode.outcomes.count, successRate: percent(mode.successRate),
                averageSteps: decimal(mode.averageSteps), averageStepsOnSuccess: decimal(mode.averageStepsOnSuccess),
                judgeAccuracy: percent(mode.judgeAccuracy), inputTokens: mode.usage.inputTokens,
                outputTokens: mode.usage.outputTokens, cost: CostFormatter.text(mode.usage, model: result.model, pricesFile: pricesFile), errors: mode.errors)
        }
    }

    static let headers = [
        "mode", "tasks", "success", "avg steps", "avg steps (success)", "judge accuracy", "input tokens",
        "output tokens", "cost", "errors",
    ]

    private static func cells(_ row: Row) -> [String] {
        [
            row.mode, String(row.tasks), row.successRate, row.averageSteps, row.averageStepsOnSuccess, row.judgeAccuracy,
            String(row.inputTokens), String(row.outputTokens), row.cost, String(row.errors),
        ]
    }

    /// The table for a terminal, with a header saying what was measured and how.
    static func table(_ result: BenchResult, pricesFile: URL? = nil) -> String {
        let body = rows(result, pricesFile: pricesFile).map(cells)
        let widths = headers.indices.map { column in ([headers[column]] + body.map { $0[column] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        var lines = [header(result), "", line(headers), line(widths.map { String(repeating: "─", count: $0) })]
        lines += body.map(line)
        lines.append("success and steps by the environment's ground-truth evaluators; judge accuracy = LLM judge vs ground truth")
        if result.model.isSimulation { lines.append(OfflineLabel.banner) }
        return lines.joined(separator: "\n")
    }

    static func markdown(_ result: BenchResult, pricesFile: URL? = nil) -> String {
        var lines = [
            "| " + headers.joined(separator: " | ") + " |",
            "|" + headers.enumerated().map { $0.offset == 0 ? "---" : "---:" }.joined(separator: "|") + "|",
        ]
        lines += rows(result, pricesFile: pricesFile).map { "| " + cells($0).joined(separator: " | ") + " |" }
        return header(result) + "\n\n" + lines.joined(separator: "\n")
    }

    static func csv(_ result: BenchResult, pricesFile: URL? = nil) -> String {
        let escape = { (cell: String) in cell.contains(",") || cell.contains("\"") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell }
        return ([headers] + rows(result, pricesFile: pricesFile).map(cells)).map { $0.map(escape).joined(separator: ",") }.joined(separator: "\n")
    }

    private static func header(_ result: BenchResult) -> String {
        "bench \(result.id) · env \(result.environment) · \(result.taskIDs.count) tasks · model \(result.model.displayName)"
            + " · embedder \(result.embedder) · seed \(result.seed) · fresh bank per mode"
            + (result.cancelled ? " · CANCELLED before the end" : "")
    }

    /// Cumulative success rate against task index, one glyph per mode.
    static func learningCurve(_ result: BenchResult, width: Int = 64, height: Int = 11) -> String {
        let glyphs: [Character] = ["·", "●", "▲", "■", "◆", "○", "△", "□", "◇", "+", "x"]
        let curves = result.modes.map(\.learningCurve)
        let length = curves.map(\.count).max() ?? 0
        guard length > 0 else { return "" }
        let columns = min(width, length)
        var grid = Array(repeating: Array(repeating: Character(" "), count: columns), count: height)
        for (index, curve) in curves.enumerated() where !curve.isEmpty {
            for column in 0..<columns {
                // The last task that falls in this column (columns ≤ length, so the index is ≥ 0).
                let task = min(curve.count - 1, ((column + 1) * length) / columns - 1)
                let row = height - 1 - Int((curve[task] * Double(height - 1)).rounded())
                let glyph = glyphs[index % glyphs.count]
                grid[row][column] = grid[row][column] == " " || grid[row][column] == glyph ? glyph : "*"
            }
        }
        var lines = ["cumulative success rate (ground truth) by task index"]
        for (row, cells) in grid.enumerated() {
            let value = Double(height - 1 - row) / Double(height - 1) * 100
            let label = row == 0 || row == height - 1 || row == (height - 1) / 2 ? String(format: "%4.0f%%", value) : "     "
            lines.append(label + " │" + String(cells))
        }
        lines.append("      └" + String(repeating: "─", count: columns))
        lines.append("       1" + String(repeating: " ", count: max(0, columns - 1 - String(length).count)) + String(length))
        lines.append("       " + result.modes.enumerated().map { "\(glyphs[$0.offset % glyphs.count]) \($0.element.label)" }.joined(separator: "   ") + "   * overlap")
        return lines.joined(separator: "\n")
    }

    /// The paper's MaTTS scaling table (success rate by k, per scaling mode), with a bar per cell;
    /// empty when the bench has no MaTTS arm. A plain `reasoningbank` arm is the k = 1 reference.
    static func scalingTable(_ result: BenchResult, barWidth: Int = 30) -> String {
        let scaled = result.modes.filter { $0.scaling != nil }
        guard !scaled.isEmpty else { return "" }
        let factors = Array(Set(scaled.compactMap { $0.scaling?.k })).sorted()
        var series: [(name: String, rates: [Int: Double?])] = []
        if let plain = result.modes.first(where: { $0.scaling == nil && $0.mode == .reasoningbank }) {
            series.append(("reasoningbank (no scaling)", [1: plain.successRate]))
        }
        for mode in ScalingMode.allCases {
            let arms = scaled.filter { $0.scaling?.mode == mode }
            guard !arms.isEmpty else { continue }
            let name = mode == .parallel ? "matts-parallel (Best-of-N)" : "matts-sequential"
            series.append((name, Dictionary(arms.map { ($0.scaling!.k, $0.successRate) }, uniquingKeysWith: { first, _ in first })))
            if mode == .parallel {
                series.append(("matts-parallel (pass@1)", Dictionary(arms.map { ($0.scaling!.k, $0.passAtOneRate) }, uniquingKeysWith: { first, _ in first })))
            }
        }
        let nameWidth = series.map(\.name.count).max() ?? 0
        var lines = ["MaTTS scaling: success rate by the ground truth, per scaling factor k"]
        lines.append(
            "".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + factors.map { "k=\($0)".leftPadded(to: 7) }.joined(separator: "  "))
        for entry in series {
            let cells = factors.map { factor -> String in
                guard let rate = entry.rates[factor] else { return "".leftPadded(to: 7) }
                return percent(rate).leftPadded(to: 7)
            }
            lines.append(entry.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  " + cells.joined(separator: "  "))
        }
        lines.append("")
        for entry in series {
            for factor in factors {
                guard let rate = entry.rates[factor], let value = rate else { continue }
                let filled = Int((value * Double(barWidth)).rounded())
                lines.append(
                    "\(entry.name) k=\(factor)".padding(toLength: nameWidth + 5, withPad: " ", startingAt: 0) + " │"
                        + String(repeating: "█", count: filled) + String(repeating: " ", count: barWidth - filled) + "│ "
                        + percent(value))
            }
        }
        lines.append("Best-of-N: the model selects the final answer among the k trajectories; pass@1: a seeded random trajectory's answer.")
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a" }
    static func decimal(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "n/a" }
}

extension String {
    /// The string right-aligned in `width` columns (never cut).
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

import ReasoningBank

/// A column's lines: the fixed header (status, judge against ground truth, the selector's and pass@1's
/// marks) and the body (the steps, the model output streaming, the answer).
extension CompareScreenView {
    /// Lines of a step's thought shown under its action.
    static let thoughtLines = 2
    /// Streaming lines shown while a model call is in progress.
    static let streamingLines = 4

    /// `headerLines` lines: status, verdicts, marks, a rule.
    static func columnHeader(_ comparison: Comparison, index: Int, width: Int) -> [StyledLine] {
        let column = comparison.columns[index]
        return [
            statusLine(column, comparison: comparison, index: index),
            verdictLine(column.live?.record, width: width),
            marks(comparison, index: index),
            StyledLine(String(repeating: "─", count: max(0, width)), .border),
        ]
    }

    /// `● running · 3 steps`, `■ success · 4 steps`, `○ waits for round 1`.
    private static func statusLine(_ column: CompareColumn, comparison: Comparison, index: Int) -> StyledLine {
        guard let live = column.live else {
            if !comparison.isRunning { return StyledLine("○ did not run", .muted) }
            if comparison.scalingMode == .sequential, index > 0 { return StyledLine("○ waits for round \(index)", .muted) }
            return StyledLine("○ starting…", .muted)
        }
        let steps = " · " + DisplayFormat.plural(live.steps.count, "step")
        if live.isRunning { return StyledLine([Span("● running", .accent), Span(steps, .muted)]) }
        let status = live.record.status
        return StyledLine([Span("■ " + status.rawValue, DisplayFormat.role(status)), Span(steps, .muted)])
    }

    /// `judge ✓ · truth ✗ · disagree`, with `…` for what is not known yet; the agreement only when it
    /// fits (a disagreement at least as `≠`).
    private static func verdictLine(_ record: RunRecord?, width: Int) -> StyledLine {
        let judged: Span
        if let verdict = record?.verdict {
            judged = Span(verdict.status.map(DisplayFormat.mark) ?? "?", DisplayFormat.role(verdict.status))
        } else {
            judged = Span("…", .muted)
        }
        let truth: Span
        if let known = record?.groundTruth {
            let status: VerdictStatus = known.success ? .success : .failure
            truth = Span(DisplayFormat.mark(status), DisplayFormat.role(status))
        } else {
            truth = Span(record?.status == .running || record == nil ? "…" : "—", .muted)
        }
        let line = StyledLine([Span("judge ", .muted), judged, Span(" · truth ", .muted), truth])
        guard let status = record?.verdict?.status, let known = record?.groundTruth else { return line }
        let agrees = (status == .success) == known.success
        let long = line.appending(agrees ? " · agree" : " · disagree", agrees ? .muted : .warning)
        if long.width <= width { return long }
        return agrees ? line : line.appending(" ≠", .warning)
    }

    /// The column's marks: the selector's choice (highlighted), pass@1, the final round, or what memory
    /// the side ran with.
    private static func marks(_ comparison: Comparison, index: Int) -> StyledLine {
        switch comparison.kind {
        case .memoryVsNone:
            guard let live = comparison.columns[index].live else { return .blank }
            if live.record.memoryMode == .none { return StyledLine("memory none", .muted) }
            let injected = live.hasRetrieved ? " · " + DisplayFormat.plural(live.injected.count, "memory", "memories") : ""
            return StyledLine("memory " + live.record.memoryMode.rawValue + injected, .muted)
        case .scaling(let mode, let k):
            var spans: [Span] = []
            if comparison.chosenIndex == index {
                spans.append(Span(mode == .parallel && k > 1 ? "★ selector's choice" : "★ final answer", .success))
            }
            if comparison.passAtOneIndex == index {
                spans.append(Span((spans.isEmpty ? "" : " · ") + "◆ pass@1", .accent))
            }
            let line = StyledLine(spans)
            return comparison.chosenIndex == index ? line.highlighted(.selection) : line
        }
    }

    /// The steps, the output streaming while the column runs, and how it ended.
    static func columnBody(_ comparison: Comparison, index: Int, width: Int) -> [StyledLine] {
        guard let live = comparison.columns[index].live else {
            if comparison.isRunning { return [] }
            let reason =
                comparison.scalingMode == .sequential
                ? "An earlier round did not finish, so this one never started." : "The run ended before this column started."
            return StyledLine.wrapped(reason, width: width, role: .muted)
        }
        var lines = live.steps.flatMap { stepLines($0, width: width) }
        if live.isRunning {
            if let purpose = live.streamingPurpose, !live.streaming.isEmpty {
                lines.append(StyledLine("● \(purpose.rawValue) · streaming", .accent))
                lines += StyledLine.wrapped(live.streaming, width: width, role: .accent, indent: 2).suffix(streamingLines)
            } else {
                lines.append(StyledLine("● waiting for the model…", .muted))
            }
            return lines
        }
        if !lines.isEmpty { lines.append(.blank) }
        let record = live.record
        if let answer = record.trajectory.finalAnswer {
            lines += StyledLine.labeled("answer", TextLayout.singleLine(answer), labelWidth: 7, width: width, textRole: .text)
        } else if record.status != .error, record.status != .cancelled {
            lines.append(StyledLine("no answer", .muted))
        }
        if let message = record.errorMessage {
            lines += StyledLine.wrapped(message, width: width, role: .failure)
        }
        return lines
    }

    /// A step in a few lines: its number and action, the last paragraph of its thought (where the agent
    /// says what it does next), and the first line of what it observed.
    static func stepLines(_ step: Step, width: Int) -> [StyledLine] {
        let numberWidth = 3
        let pad = String(repeating: " ", count: numberWidth)
        let textWidth = max(1, width - numberWidth)
        let number = Span(TextLayout.pad("\(step.index)", to: numberWidth), .muted)
        guard step.parseFailure == nil else { return [StyledLine([number, Span("unparsable output", .failure)])] }
        var lines = [StyledLine([number, Span(TextLayout.truncate(TextLayout.singleLine(step.action), to: textWidth), .action)])]
        let paragraphs = step.thought.split(separator: "\n").map { TextLayout.singleLine(String($0)) }.filter { !$0.isEmpty }
        var thought = TextLayout.wrap(paragraphs.last ?? "", to: textWidth).filter { !$0.isEmpty }
        if thought.count > thoughtLines {
            thought = Array(thought.prefix(thoughtLines - 1)) + [TextLayout.truncate(thought[thoughtLines - 1] + " …", to: textWidth)]
        }
        lines += thought.map { StyledLine(pad + $0, .thought) }
        let observed = step.observation.split(separator: "\n").map { TextLayout.singleLine(String($0)) }.first { !$0.isEmpty }
        if let observed { lines.append(StyledLine(pad + TextLayout.truncate(observed, to: textWidth), .observation)) }
        return lines
    }
}

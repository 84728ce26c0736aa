import ReasoningBank

/// The outcome below the columns: how the answer was chosen (the selector's choice and reason, pass@1,
/// every column's verdicts) and the memories (shown to the attempts, extracted by contrast, stored).
/// From `splitWidth` columns the two stand side by side.
extension CompareScreenView {
    /// The pane width from which the decision and the memories stand side by side.
    static let splitWidth = 96
    static let labelWidth = 10

    static func outcomeTitle(_ comparison: Comparison) -> String {
        switch comparison.kind {
        case .scaling(let mode, let k):
            var title = "Outcome · MaTTS \(mode.rawValue) k=\(k) · \(comparison.task.id)"
            if let chosen = comparison.chosenIndex, comparison.columns.indices.contains(chosen) {
                title += " · " + comparison.columns[chosen].title.lowercased() + (mode == .parallel && k > 1 ? " chosen" : " final")
            }
            return title
        case .memoryVsNone:
            return "Outcome · memory vs none · \(comparison.task.id)"
        }
    }

    /// The pane's lines: the decision and the memories, side by side when the pane is wide enough.
    static func outcome(_ state: AppState, width: Int) -> [StyledLine] {
        guard let comparison = state.compare.comparison else { return [] }
        guard width >= splitWidth else {
            return decision(comparison, width: width) + [.blank] + memories(comparison, width: width)
        }
        let gap = 3
        let left = (width - gap) / 2
        return sideBySide(decision(comparison, width: left), memories(comparison, width: width - gap - left), leftWidth: left, gap: gap)
    }

    /// Two blocks of lines as one, the left padded to `leftWidth` and `gap`.
    static func sideBySide(_ left: [StyledLine], _ right: [StyledLine], leftWidth: Int, gap: Int) -> [StyledLine] {
        (0..<max(left.count, right.count)).map { row in
            var line = row < left.count ? left[row] : StyledLine()
            let used = line.width
            line.highlight = nil
            line.spans.append(Span(String(repeating: " ", count: max(0, leftWidth - used) + gap)))
            if row < right.count { line.spans += right[row].spans }
            return line
        }
    }

    // MARK: The decision

    static func decision(_ comparison: Comparison, width: Int) -> [StyledLine] {
        switch comparison.kind {
        case .scaling(let mode, let k): scalingDecision(comparison, mode: mode, k: k, width: width)
        case .memoryVsNone: memoryDecision(comparison, width: width)
        }
    }

    private static func labeled(_ label: String, _ text: String, width: Int, role: ThemeRole = .text) -> [StyledLine] {
        StyledLine.labeled(label, text, labelWidth: labelWidth, width: width, labelRole: .title, textRole: role)
    }

    private static func scalingDecision(_ comparison: Comparison, mode: ScalingMode, k: Int, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let columns = comparison.columns
        func name(_ index: Int) -> String { columns.indices.contains(index) ? columns[index].title.lowercased() : "#\(index + 1)" }
        if mode == .parallel, k > 1 {
            if let selection = comparison.selection {
                let how = selection.byModel ? "chosen by the model" : selection.parseFailure != nil ? "a fallback" : "no comparison needed"
                lines += labeled("selector", "\(name(selection.chosenIndex)), \(how)", width: width, role: .success)
                lines += StyledLine.labeled("", TextLayout.singleLine(selection.reason), labelWidth: labelWidth, width: width, textRole: .thought)
            } else if let main = comparison.main, main.streamingPurpose == .selectBest, !main.streaming.isEmpty {
                lines += labeled("selector", "● comparing the trajectories…", width: width, role: .accent)
                lines += StyledLine.wrapped(main.streaming, width: width, role: .accent, indent: labelWidth).suffix(streamingLines)
            } else if comparison.isRunning {
                lines += labeled(
                    "selector", "picks the final answer once the trajectories end (\(comparison.endedCount) of \(columns.count) ended)",
                    width: width, role: .muted)
            } else {
                lines += labeled("selector", "did not choose: no trajectory ran to an end", width: width, role: .muted)
            }
        } else if let chosen = comparison.chosenIndex {
            let why = mode == .sequential ? "the last round that finished" : "the only trajectory"
            lines += labeled("final", "\(name(chosen)), \(why)", width: width, role: .success)
        } else {
            let waiting = mode == .sequential ? "the last round that finishes" : "the only trajectory"
            lines += labeled("final", comparison.isRunning ? "\(waiting), once it ends" : "none: no round ran to an end", width: width, role: .muted)
        }
        if let pass = comparison.passAtOneIndex {
            let truth = comparison.log?.passAtOneSuccess.map { $0 ? "✓ success" : "✗ failure" } ?? "not known"
            lines += labeled("pass@1", "\(name(pass)) (seeded random) · truth \(truth)", width: width)
        }
        if let main = comparison.main, let verdict = main.record.verdict {
            var text = "judge " + DisplayFormat.verdict(verdict.status)
            if let truth = main.record.groundTruth { text += " · truth " + DisplayFormat.verdict(truth.success ? .success : .failure) }
            lines += labeled("answer", text, width: width, role: DisplayFormat.role(verdict.status))
        }
        lines += labeled("judge", marks(columns) { $0.verdict?.status }, width: width)
        lines += labeled("truth", marks(columns) { $0.groundTruth.map { $0.success ? .success : .failure } }, width: width)
        return lines
    }

    /// `1 ✓ · 2 ✗ · 3 …`: one mark a column, `…` while unknown.
    private static func marks(_ columns: [CompareColumn], _ status: (RunRecord) -> VerdictStatus?) -> String {
        columns.enumerated().map { index, column in
            guard let record = column.live?.record else { return "\(index + 1) …" }
            if let known = status(record) { return "\(index + 1) " + DisplayFormat.mark(known) }
            return "\(index + 1) " + (record.status == .running ? "…" : "—")
        }.joined(separator: " · ")
    }

    private static func memoryDecision(_ comparison: Comparison, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let sides = Array(zip(MemoryComparisonSide.allCases, comparison.columns))
        let sideWidth = 16
        for (side, column) in sides {
            let text: String
            var role: ThemeRole = .muted
            if let live = column.live {
                let record = live.record
                if live.isRunning {
                    text = "● running · " + DisplayFormat.plural(live.steps.count, "step")
                    role = .accent
                } else if let truth = record.groundTruth, record.status != .error, record.status != .cancelled {
                    let judged = record.verdict.map { " · judge " + DisplayFormat.mark($0.status) } ?? ""
                    text = "truth " + DisplayFormat.mark(truth.success ? .success : .failure) + judged + " · "
                        + DisplayFormat.plural(live.steps.count, "step")
                    role = truth.success ? .success : .failure
                } else {
                    text = record.status.rawValue + " · " + DisplayFormat.plural(live.steps.count, "step")
                    role = DisplayFormat.role(record.status)
                }
            } else {
                text = comparison.isRunning ? "starting…" : "did not run"
            }
            lines += StyledLine.labeled(side.title.lowercased(), text, labelWidth: sideWidth, width: width, labelRole: .title, textRole: role)
        }
        lines += StyledLine.wrapped(memoryVerdict(comparison), width: width, role: comparison.isRunning ? .muted : .text)
        return lines
    }

    /// What the two sides say about memory on this task, by the ground truth (and, when both end the
    /// same way, by the steps each took).
    static func memoryVerdict(_ comparison: Comparison) -> String {
        let ended = comparison.columns.map { $0.live.flatMap { $0.isRunning ? nil : $0 } }
        guard ended.count == 2, let with = ended[0], let without = ended[1],
            let withSuccess = with.record.groundTruth?.success, let withoutSuccess = without.record.groundTruth?.success
        else {
            return comparison.isRunning ? "Both run at once; the ground truth decides once they end." : "Without both ground truths there is nothing to compare."
        }
        let steps = "with memory in \(DisplayFormat.plural(with.steps.count, "step")), without in \(without.steps.count)."
        switch (withSuccess, withoutSuccess) {
        case (true, false): return "Memory helped: only the run with memory succeeded."
        case (false, true): return "Memory hurt: only the run without memory succeeded."
        case (true, true): return "Both succeeded, " + steps
        case (false, false): return "Neither succeeded, " + steps
        }
    }

    // MARK: The memories

    static func memories(_ comparison: Comparison, width: Int) -> [StyledLine] {
        switch comparison.kind {
        case .scaling(let mode, _): scalingMemories(comparison, mode: mode, width: width)
        case .memoryVsNone: sideMemories(comparison, width: width)
        }
    }

    private static func scalingMemories(_ comparison: Comparison, mode: ScalingMode, width: Int) -> [StyledLine] {
        guard let main = comparison.main else { return [] }
        let noun = mode == .parallel ? "trajectory" : "round"
        var heading = mode == .parallel ? "Contrastive memories" : "Refinement lessons"
        if main.hasExtracted { heading += " · " + DisplayFormat.plural(main.record.extracted.count, "item") }
        if let experience = main.consolidated { heading += " · \(experience.items.count) stored" }
        var lines = [StyledLine(heading, .title)]
        if !main.hasExtracted, let purpose = main.streamingPurpose, purpose != .selectBest, !main.streaming.isEmpty {
            lines.append(StyledLine("● \(purpose.rawValue) · streaming", .accent))
            lines += StyledLine.wrapped(main.streaming, width: width, role: .accent, indent: 2).suffix(streamingLines)
        } else if !main.hasExtracted, main.isRunning {
            let how = mode == .parallel ? "by self-contrast over every finished trajectory" : "from the successive rounds"
            lines += StyledLine.wrapped("Extracted once the \(noun)s end, \(how).", width: width, role: .muted)
        } else {
            lines += RunScreenView.extracted(main, width: width)
        }
        lines.append(.blank)
        lines.append(StyledLine("Shown to every \(noun)" + (main.hasRetrieved ? " · " + DisplayFormat.plural(main.injected.count, "memory", "memories") : ""), .title))
        lines += RunScreenView.memories(main, width: width)
        return lines
    }

    private static func sideMemories(_ comparison: Comparison, width: Int) -> [StyledLine] {
        let withMemory = comparison.columns[MemoryComparisonSide.withMemory.rawValue].live
        var lines = [StyledLine("Injected with memory" + (withMemory?.hasRetrieved == true ? " · \(withMemory?.injected.count ?? 0)" : ""), .title)]
        lines += withMemory.map { RunScreenView.memories($0, width: width) } ?? [StyledLine("Starting…", .muted)]
        lines.append(.blank)
        var stored = "Stored by the run with memory"
        if let experience = withMemory?.consolidated { stored += " · \(experience.items.count)" }
        lines.append(StyledLine(stored, .title))
        lines += RunScreenView.extracted(withMemory, width: width)
        lines.append(.blank)
        lines += StyledLine.wrapped("Without memory nothing is retrieved and nothing is stored (memory mode none).", width: width, role: .muted)
        return lines
    }
}

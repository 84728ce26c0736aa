import Foundation
import ReasoningBank

/// Lines that describe parts of a run, shared by the live Run screen and a run opened on the Runs screen.
enum RunContent {
    /// Columns of the label before a step's thought and action.
    static let labelWidth = 9
    static let labelIndent = 2
    /// Indentation of observation lines (which get their own label line).
    static let observationIndent = 4
    /// Observation lines shown while a step is folded.
    static let foldedObservationLines = 3
    /// Thought lines shown while a step is folded.
    static let foldedThoughtLines = 3

    /// A step: its heading, then thought, action and observation; folded to a few lines unless `unfolded`.
    static func step(
        _ step: Step, selected: Bool, highlighted: Bool, unfolded: Bool, width: Int, heading: String? = nil
    ) -> [StyledLine] {
        var head = StyledLine([Span(selected ? "▸ " : "  ", .accent), Span(heading ?? "Step \(step.index)", .title)])
        if step.parseFailure != nil { head = head.appending(" · unparsable output", .failure) }
        var lines = [head.highlighted(highlighted ? .selection : nil)]
        if let failure = step.parseFailure {
            lines += labeled("problem", failure, width: width, role: .failure)
            lines += labeled("output", step.call.response, width: width, role: .muted, maxLines: unfolded ? nil : foldedThoughtLines)
        } else {
            lines += labeled("thought", step.thought, width: width, role: .thought, maxLines: unfolded ? nil : foldedThoughtLines)
            lines += labeled("action", step.action, width: width, role: .action)
        }
        var observation = step.observation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while observation.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { observation.removeLast() }
        guard !observation.isEmpty else {
            lines += labeled("observed", "nothing", width: width, role: .muted)
            return lines
        }
        lines.append(StyledLine(String(repeating: " ", count: labelIndent) + "observation", .muted))
        let hidden = unfolded ? 0 : max(0, observation.count - foldedObservationLines)
        let shown = hidden > 0 ? Array(observation.prefix(foldedObservationLines)) : observation
        let pad = String(repeating: " ", count: observationIndent)
        let textWidth = max(1, width - observationIndent)
        for text in shown {
            lines.append(StyledLine(pad + TextLayout.truncate(text, to: textWidth), .observation))
        }
        if hidden > 0 {
            lines.append(StyledLine(pad + TextLayout.truncate("… (\(DisplayFormat.plural(hidden, "more line")), enter to unfold)", to: textWidth), .muted))
        }
        return lines
    }

    /// Whether folding hides anything of `step`.
    static func isFoldable(_ step: Step, width: Int) -> Bool {
        let observationLines = step.observation.split(separator: "\n", omittingEmptySubsequences: false).count
        let thought = step.parseFailure == nil ? step.thought : step.call.response
        let thoughtLines = TextLayout.wrap(thought, to: max(1, width - labelIndent - labelWidth)).count
        return observationLines > foldedObservationLines || thoughtLines > foldedThoughtLines
    }

    /// `label` and wrapped `text` in the step layout.
    static func labeled(_ label: String, _ text: String, width: Int, role: ThemeRole, maxLines: Int? = nil) -> [StyledLine] {
        StyledLine.labeled(
            label, text, labelWidth: labelWidth, width: width, textRole: role, indent: labelIndent, maxLines: maxLines)
    }

    /// The judge's verdict, the ground truth and their agreement; short labels in narrow panes.
    static func verdict(_ verdict: Verdict?, truth: GroundTruth?, width: Int) -> [StyledLine] {
        guard let verdict else { return [] }
        let wide = width >= 50
        let labelWidth = wide ? 14 : 7
        func labeled(_ label: String, _ text: String, _ role: ThemeRole) -> [StyledLine] {
            StyledLine.labeled(label, text, labelWidth: labelWidth, width: width, textRole: role)
        }
        var judged = DisplayFormat.verdict(verdict.status)
        if verdict.status == nil { judged = "? unparsed" + (verdict.parseFailure.map { " — " + $0 } ?? "") }
        if let was = verdict.overriddenFrom { judged += " (set by hand; the judge said \(was.rawValue))" }
        var lines = labeled("judge", judged, DisplayFormat.role(verdict.status))
        let thoughts = TextLayout.singleLine(verdict.thoughts)
        if !thoughts.isEmpty { lines += labeled("", thoughts, .thought) }
        let truthLabel = wide ? "ground truth" : "truth"
        guard let truth else { return lines + labeled(truthLabel, "not known here", .muted) }
        let truthStatus: VerdictStatus = truth.success ? .success : .failure
        lines += labeled(truthLabel, DisplayFormat.verdict(truthStatus), DisplayFormat.role(truthStatus))
        if let expected = truth.expected, !expected.isEmpty {
            lines += labeled("", "expected " + TextLayout.singleLine(expected), .muted)
        }
        if let status = verdict.status {
            let agrees = (status == .success) == truth.success
            lines += labeled(wide ? "agreement" : "", agrees ? "✓ the judge agrees" : "✗ the judge disagrees", agrees ? .success : .failure)
        }
        return lines
    }

    /// A memory item's verdict and source, e.g. `✓ success · extracted`.
    static func origin(_ item: MemoryItem) -> String {
        DisplayFormat.verdict(item.provenance.verdict) + " · " + DisplayFormat.source(item.provenance.source)
    }

    /// The task and run a memory item came from, e.g. `from shop-038 · r-679e013dbc7f`.
    static func source(_ item: MemoryItem) -> String? {
        let parts = [item.provenance.taskID.map { "from " + $0 }, item.provenance.runID].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// A memory item's provenance in one line.
    static func provenance(_ item: MemoryItem) -> String {
        ([origin(item)] + (source(item).map { [$0] } ?? [])).joined(separator: " · ")
    }
}

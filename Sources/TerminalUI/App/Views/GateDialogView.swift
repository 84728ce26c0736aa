import ReasoningBank

/// The dialog of a held gate, over the Run screen: what is about to happen, the person's pending edits,
/// and what `enter` will decide.
enum GateDialogView {
    /// The dialog's fixed header lines, its scrolled body, where each entry of a list starts, and the
    /// footer that says what `enter` does.
    struct Content: Sendable {
        var intro: [StyledLine]
        var body: [StyledLine]
        var entryStarts: [Int]
        var footer: StyledLine
    }

    /// The dialog's box: the whole body, or on wide terminals the trajectory's place, so the memories,
    /// verdict and extracted items stay in view beside it.
    static func rect(body: Rect) -> Rect {
        guard body.width >= 120 else { return body }
        return RunScreenView.layout(body, focus: .trajectory).rects[.trajectory] ?? body
    }

    /// Rows of the scrolled body for `content` in `rect`.
    static func bodyHeight(_ content: Content, rect: Rect) -> Int {
        max(1, Grid.paneInterior(rect).height - content.intro.count - 3)
    }

    static func draw(_ gate: GateState, state: AppState, body: Rect, grid: inout Grid, theme: Theme) {
        let box = rect(body: body)
        let base = theme[.dialog]
        grid.fill(box, style: base)
        let inner = Grid.paneInterior(box)
        let content = content(gate, state: state, width: inner.width)
        let height = bodyHeight(content, rect: box)
        let offset = offset(gate, content: content, visible: height)
        let below = max(0, content.body.count - offset - height)
        let note = below > 0 ? "↓ \(below) more" : (offset > 0 ? "↑ \(offset) above" : nil)
        grid.drawBox(box, title: title(gate), focused: true, theme: theme, note: note, base: base)
        grid.draw(content.intro, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: content.intro.count), theme: theme, base: base)
        let bodyRect = Rect(x: inner.x, y: inner.y + content.intro.count + 1, width: inner.width, height: height)
        grid.draw(content.body, in: bodyRect, offset: offset, theme: theme, base: base)
        grid.draw(content.footer, x: inner.x, y: inner.maxY - 1, width: inner.width, theme: theme, base: base)
    }

    static func title(_ gate: GateState) -> String {
        switch gate.ticket.gate {
        case .beforeInjection: "Step mode · before injection"
        case .beforeModelCall(let request, let step):
            "Step mode · before the \(request.purpose.rawValue) model call" + (request.purpose == .agent ? " · step \(step)" : "")
        case .beforeJudging: "Step mode · before judging"
        case .beforeConsolidation: "Step mode · before consolidation"
        }
    }

    /// The first body line shown: the scroll for text, or enough to show the selected entry of a list.
    static func offset(_ gate: GateState, content: Content, visible: Int) -> Int {
        let last = max(0, content.body.count - visible)
        guard !content.entryStarts.isEmpty else { return max(0, min(gate.scroll, last)) }
        let cursor = max(0, min(gate.cursor, content.entryStarts.count - 1))
        let start = content.entryStarts[cursor]
        let end = cursor + 1 < content.entryStarts.count ? content.entryStarts[cursor + 1] : content.body.count
        return max(0, min(end > visible ? min(start, end - visible) : 0, last))
    }

    static func content(_ gate: GateState, state: AppState, width: Int) -> Content {
        switch gate.ticket.gate {
        case .beforeInjection(let task, _): injection(gate, task: task, width: width)
        case .beforeModelCall(let original, _): modelCall(gate, original: original, width: width)
        case .beforeJudging(let trajectory): judging(trajectory, task: state.run.live?.record.task, width: width)
        case .beforeConsolidation(let verdict, _): consolidation(gate, verdict: verdict, width: width)
        }
    }

    // MARK: Gates

    /// `Task shop-022 · query`, on at most two lines.
    private static func taskLines(_ task: TaskSpec, width: Int) -> [StyledLine] {
        let lead = "Task " + task.id + " · "
        let pieces = TextLayout.wrap(lead + TextLayout.singleLine(task.query), to: width)
        var lines = pieces.prefix(2).map { StyledLine($0, .text) }
        if pieces.count > 2, let last = lines.popLast() { lines.append(StyledLine(TextLayout.truncate(last.text + " …", to: width), .text)) }
        if let first = lines.first, first.text.hasPrefix(lead) {
            lines[0] = StyledLine([Span("Task ", .muted), Span(task.id, .title), Span(String(first.text.dropFirst(lead.count - 3)), .text)])
        }
        return lines
    }

    /// ` (1 dropped, 2 edited)` for the counts that are not zero.
    private static func counts(_ counts: [(Int, String)]) -> String {
        let parts = counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    private static func injection(_ gate: GateState, task: TaskSpec, width: Int) -> Content {
        var intro = taskLines(task, width: width)
        intro.append(StyledLine(
            gate.memories.isEmpty ? "Nothing was retrieved, so nothing will be injected." : "These memories are about to be injected into the agent's prompt:", .muted))
        var body: [StyledLine] = []
        var starts: [Int] = []
        let numberWidth = 5
        let pad = String(repeating: " ", count: numberWidth)
        let textWidth = max(1, width - numberWidth)
        for (index, memory) in gate.memories.enumerated() {
            if index > 0 { body.append(.blank) }
            starts.append(body.count)
            let selected = index == gate.cursor
            var tags = ""
            if memory.isDropped { tags += " · dropped" }
            if memory.isEdited { tags += " · edited" }
            let title = TextLayout.truncate(memory.item.title, to: max(1, textWidth - TextLayout.width(tags)))
            body.append(StyledLine([
                Span(selected ? "▸ " : "  ", .accent), Span(TextLayout.pad("\(index + 1).", to: numberWidth - 2), .muted),
                Span(title, memory.isDropped ? .muted : .title), Span(tags, memory.isDropped ? .failure : .warning),
            ]).highlighted(selected ? .selection : nil))
            for line in TextLayout.wrap(memory.item.description, to: textWidth).prefix(2) {
                body.append(StyledLine(pad + line, memory.isDropped ? .muted : .text))
            }
            body.append(StyledLine(pad + TextLayout.truncate(memory.item.id + " · " + RunContent.origin(memory.item) + (memory.item.provenance.taskID.map { " · from " + $0 } ?? ""), to: textWidth), .muted))
        }
        let footer: String
        switch gate.decision {
        case .injectInstead(let kept):
            let dropped = gate.memories.filter(\.isDropped).count
            let edited = gate.memories.filter { $0.isEdited && !$0.isDropped }.count
            footer = "enter injects \(kept.count) of \(gate.memories.count)" + counts([(dropped, "dropped"), (edited, "edited")])
        default:
            footer = gate.memories.isEmpty ? "enter goes on without memories" : "enter injects them as retrieved"
        }
        return Content(intro: intro, body: body, entryStarts: starts, footer: StyledLine(footer, .accent))
    }

    private static func modelCall(_ gate: GateState, original: ModelRequest, width: Int) -> Content {
        let request = gate.request ?? original
        let edited = gate.editedRequest.map { $0 != original } ?? false
        let intro = [
            StyledLine("The \(request.purpose.rawValue) model is about to get this exact prompt:", .text),
            StyledLine([
                Span("temperature \(request.temperature) · at most \(request.maxTokens) tokens · ", .muted),
                edited ? Span("edited by you", .warning) : Span("e edits it in $EDITOR", .muted),
            ]),
        ]
        var body: [StyledLine] = []
        for line in request.renderedPrompt.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if ["[system]", "[user]", "[assistant]"].contains(line) {
                body.append(StyledLine(line, .title))
            } else {
                body += StyledLine.wrapped(line, width: width)
            }
        }
        let footer = edited ? "enter sends the edited prompt" : "enter sends the prompt as shown"
        return Content(intro: intro, body: body, entryStarts: [], footer: StyledLine(footer, .accent))
    }

    private static func judging(_ trajectory: Trajectory, task: TaskSpec?, width: Int) -> Content {
        var intro = task.map { taskLines($0, width: width) } ?? []
        intro += StyledLine.wrapped("The trajectory is about to be judged. y or n sets the verdict yourself and skips the judge.", width: width, role: .muted)
        var body = [StyledLine("Actions", .title)]
        for step in trajectory.steps {
            body.append(StyledLine([Span(TextLayout.padLeading("\(step.index)", to: 4) + "  ", .muted), Span(TextLayout.truncate(step.action, to: max(1, width - 6)), .action)]))
        }
        if trajectory.steps.isEmpty { body.append(StyledLine("  (no steps)", .muted)) }
        body.append(.blank)
        body += StyledLine.labeled("Final answer", trajectory.finalAnswer ?? "(none)", labelWidth: 14, width: width, labelRole: .title)
        if !trajectory.finalState.isEmpty {
            body += StyledLine.labeled("Final state", trajectory.finalState, labelWidth: 14, width: width, labelRole: .title, textRole: .observation)
        }
        return Content(intro: intro, body: body, entryStarts: [], footer: StyledLine("enter lets the judge decide", .accent))
    }

    private static func consolidation(_ gate: GateState, verdict: Verdict, width: Int) -> Content {
        var intro = StyledLine.labeled(
            "Verdict", DisplayFormat.verdict(verdict.status) + " — " + TextLayout.singleLine(verdict.thoughts), labelWidth: 9,
            width: width, labelRole: .muted, textRole: DisplayFormat.role(verdict.status), maxLines: 2)
        intro.append(StyledLine("These items are about to be stored in the bank:", .muted))
        var body: [StyledLine] = []
        var starts: [Int] = []
        let markWidth = 11
        let pad = String(repeating: " ", count: markWidth)
        let textWidth = max(1, width - markWidth)
        for (index, pending) in gate.items.enumerated() {
            if index > 0 { body.append(.blank) }
            starts.append(body.count)
            let selected = index == gate.cursor
            let mark = pending.isRejected ? "✗ reject" : "✓ keep"
            let tag = pending.isEdited ? " · edited" : ""
            body.append(StyledLine([
                Span(selected ? "▸ " : "  ", .accent), Span(TextLayout.pad(mark, to: markWidth - 2), pending.isRejected ? .failure : .success),
                Span(TextLayout.truncate(pending.item.title, to: max(1, textWidth - TextLayout.width(tag))), pending.isRejected ? .muted : .title),
                Span(tag, .warning),
            ]).highlighted(selected ? .selection : nil))
            for line in TextLayout.wrap(pending.item.description, to: textWidth).prefix(2) {
                body.append(StyledLine(pad + line, pending.isRejected ? .muted : .text))
            }
            for line in TextLayout.wrap(TextLayout.singleLine(pending.item.content), to: textWidth).prefix(2) {
                body.append(StyledLine(pad + line, .muted))
            }
        }
        let footer: String
        switch gate.decision {
        case .consolidateInstead(let kept):
            let rejected = gate.items.filter(\.isRejected).count
            let edited = gate.items.filter { $0.isEdited && !$0.isRejected }.count
            footer = "enter stores \(kept.count) of \(gate.items.count)" + counts([(rejected, "rejected"), (edited, "edited")])
        case .skipConsolidation:
            footer = "enter stores nothing: every item is rejected"
        default:
            footer = "enter stores " + (gate.items.count == 1 ? "it" : "all \(gate.items.count)") + " as extracted"
        }
        return Content(intro: intro, body: body, entryStarts: starts, footer: StyledLine(footer, .accent))
    }
}

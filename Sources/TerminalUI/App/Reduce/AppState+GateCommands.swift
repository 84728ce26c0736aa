import ReasoningBank

/// A held gate's commands: moving through what it shows, editing it, and deciding.
extension AppState {
    mutating func performGate(_ command: WorkbenchCommand) -> [AppEffect] {
        guard var gate else { return [] }
        let ticket = gate.ticket.id
        switch command {
        case .decide:
            return release(gate.decision)
        case .cancelAtGate:
            overlay = .confirm(.cancelAtGate(ticket: ticket))
        case .stopStepping:
            let decision = gate.decision
            let effects = release(decision)
            stepMode = false
            flash("Step mode off: the run goes on through every gate on its own.")
            return effects + [.setStepMode(false)]
        case .help:
            overlay = .help(scroll: 0)
        case .showScreen(let target):
            return show(target)
        case .moveDown, .moveUp:
            moveGate(&gate, by: command == .moveDown ? 1 : -1)
        case .pageDown, .pageUp:
            moveGate(&gate, by: (command == .pageDown ? 1 : -1) * Self.page(gateBodyHeight(gate)))
        case .top:
            gate.cursor = 0
            gate.scroll = 0
        case .bottom:
            gate.cursor = max(0, gate.listCount - 1)
            gate.scroll = maxGateScroll(gate)
        case .toggleDropMemory:
            guard gate.memories.indices.contains(gate.cursor) else { break }
            gate.memories[gate.cursor].isDropped.toggle()
        case .editMemory:
            guard gate.memories.indices.contains(gate.cursor) else { break }
            let text = ItemText.text(gate.memories[gate.cursor].item.fields)
            return [.openEditor(EditorRequest(purpose: .editInjected(ticket: ticket, index: gate.cursor), text: text))]
        case .editPrompt:
            guard let request = gate.request else { break }
            return [.openEditor(EditorRequest(purpose: .editPrompt(ticket: ticket), text: request.renderedPrompt))]
        case .judgeSuccess:
            return release(.overrideVerdict(.success))
        case .judgeFailure:
            return release(.overrideVerdict(.failure))
        case .acceptItem, .rejectItem:
            guard gate.items.indices.contains(gate.cursor) else { break }
            gate.items[gate.cursor].isRejected = command == .rejectItem
        case .editExtracted:
            guard gate.items.indices.contains(gate.cursor) else { break }
            let text = ItemText.text(gate.items[gate.cursor].item)
            return [.openEditor(EditorRequest(purpose: .editExtracted(ticket: ticket, index: gate.cursor), text: text))]
        case .skipConsolidation:
            return release(.skipConsolidation)
        case .overrideVerdict:
            guard case .beforeConsolidation(let verdict, _) = gate.ticket.gate else { break }
            return release(.overrideVerdict(verdict.status == .success ? .failure : .success))
        default:
            break
        }
        self.gate = gate
        return []
    }

    /// Sends `decision` for the held gate and closes its dialog.
    mutating func release(_ decision: GateDecision) -> [AppEffect] {
        guard let gate else { return [] }
        self.gate = nil
        if let text = Self.describe(decision) { flash(text) }
        return [.decide(ticket: gate.ticket.id, decision)]
    }

    /// What the status line says about a decision (nothing for `proceed`).
    static func describe(_ decision: GateDecision) -> String? {
        switch decision {
        case .proceed: nil
        case .injectInstead(let items): "Injecting " + DisplayFormat.plural(items.count, "memory", "memories") + " as you chose."
        case .sendInstead: "Sending your edited prompt."
        case .overrideVerdict(let status): "Verdict set to \(status.rawValue) by you."
        case .consolidateInstead(let items): "Storing " + DisplayFormat.plural(items.count, "item") + " as you chose."
        case .skipConsolidation: "Nothing from this run will be stored."
        case .cancel: "Cancelling the run…"
        }
    }

    private func moveGate(_ gate: inout GateState, by delta: Int) {
        if gate.listCount > 0 {
            gate.cursor = Self.clamp(gate.cursor + delta, to: gate.listCount - 1)
        } else {
            gate.scroll = Self.clamp(gate.scroll + delta, to: maxGateScroll(gate))
        }
    }

    private func gateBodyHeight(_ gate: GateState) -> Int {
        let box = GateDialogView.rect(body: ScreenFrame(size: size).body)
        let content = GateDialogView.content(gate, state: self, width: Grid.paneInterior(box).width)
        return GateDialogView.bodyHeight(content, rect: box)
    }

    func maxGateScroll(_ gate: GateState) -> Int {
        let box = GateDialogView.rect(body: ScreenFrame(size: size).body)
        let content = GateDialogView.content(gate, state: self, width: Grid.paneInterior(box).width)
        return max(0, content.body.count - GateDialogView.bodyHeight(content, rect: box))
    }

    /// A gate the loop now holds.
    mutating func hold(_ ticket: GateTicket) {
        gate = GateState(ticket: ticket)
    }
}

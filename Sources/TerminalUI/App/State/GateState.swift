import ReasoningBank

/// A gate the loop is holding in step mode, and the person's pending edits to it. `decision` is what
/// `enter` sends.
struct GateState: Sendable {
    var ticket: GateTicket
    /// The selected memory (before injection) or item (before consolidation).
    var cursor = 0
    /// Lines scrolled in the dialog's text.
    var scroll = 0
    /// Before injection: the memories, with edits and removals.
    var memories: [PendingMemory] = []
    /// Before a model call: the request as edited (nil while unedited).
    var editedRequest: ModelRequest?
    /// Before consolidation: the items, with edits and rejections.
    var items: [PendingItem] = []

    init(ticket: GateTicket) {
        self.ticket = ticket
        switch ticket.gate {
        case .beforeInjection(_, let memories): self.memories = memories.map(PendingMemory.init)
        case .beforeConsolidation(_, let items): self.items = items.map(PendingItem.init)
        case .beforeModelCall, .beforeJudging: break
        }
    }

    /// Which binding context the dialog answers to.
    var context: BindingContext {
        switch ticket.gate {
        case .beforeInjection: .gateInjection
        case .beforeModelCall: .gateModelCall
        case .beforeJudging: .gateJudging
        case .beforeConsolidation: .gateConsolidation
        }
    }

    /// The request about to be sent (before a model call): the edited one, else the loop's.
    var request: ModelRequest? {
        guard case .beforeModelCall(let original, _) = ticket.gate else { return nil }
        return editedRequest ?? original
    }

    /// How many entries the dialog's list has (memories or items).
    var listCount: Int {
        switch ticket.gate {
        case .beforeInjection: memories.count
        case .beforeConsolidation: items.count
        case .beforeModelCall, .beforeJudging: 0
        }
    }

    /// What `enter` decides: `proceed` when nothing was changed; otherwise the edited memories, the
    /// edited request, or the kept items (`skipConsolidation` when every item was rejected).
    var decision: GateDecision {
        switch ticket.gate {
        case .beforeInjection:
            guard memories.contains(where: { $0.isDropped || $0.isEdited }) else { return .proceed }
            return .injectInstead(memories.filter { !$0.isDropped }.map(\.item))
        case .beforeModelCall(let original, _):
            guard let editedRequest, editedRequest != original else { return .proceed }
            return .sendInstead(editedRequest)
        case .beforeJudging:
            return .proceed
        case .beforeConsolidation:
            guard items.contains(where: { $0.isRejected || $0.isEdited }) else { return .proceed }
            let kept = items.filter { !$0.isRejected }.map(\.item)
            return kept.isEmpty ? .skipConsolidation : .consolidateInstead(kept)
        }
    }
}

import ReasoningBank

/// `$EDITOR` came back: apply the edit to the bank item, the held memory, item or prompt it was for.
/// A text that cannot be read keeps the old value and says why on the status line.
extension AppState {
    mutating func finishEditing(_ request: EditorRequest, text: String?) -> [AppEffect] {
        guard let text else {
            flash("The editor closed without changes; nothing was changed.")
            return []
        }
        switch request.purpose {
        case .editItem(let id):
            switch ItemText.parse(text) {
            case .success(let fields):
                let current = bank.detail?.item.id == id ? bank.detail?.item.fields : bank.items.first { $0.id == id }?.fields
                guard fields != current else {
                    flash("No changes to \(id).")
                    return []
                }
                return [.editItem(id: id, fields)]
            case .failure(let error):
                flash("Could not read the edited item: \(error). Nothing was changed.", .failure)
            }
        case .editInjected(let ticket, let index):
            guard var gate = heldGate(ticket), gate.memories.indices.contains(index) else { return [] }
            switch ItemText.parse(text) {
            case .success(let fields):
                gate.memories[index].item.title = fields.title
                gate.memories[index].item.description = fields.description
                gate.memories[index].item.content = fields.content
                self.gate = gate
                flash("Memory \(index + 1) edited for this run; enter injects it.")
            case .failure(let error):
                flash("Could not read the edited memory: \(error). It is unchanged.", .failure)
            }
        case .editExtracted(let ticket, let index):
            guard var gate = heldGate(ticket), gate.items.indices.contains(index) else { return [] }
            switch ItemText.parse(text) {
            case .success(let fields):
                gate.items[index].item = fields
                gate.items[index].isRejected = false
                self.gate = gate
                flash("Item \(index + 1) edited; enter stores it.")
            case .failure(let error):
                flash("Could not read the edited item: \(error). It is unchanged.", .failure)
            }
        case .editPrompt(let ticket):
            guard var gate = heldGate(ticket), case .beforeModelCall(let original, _) = gate.ticket.gate else { return [] }
            switch PromptText.parse(text, original: original) {
            case .success(let edited):
                gate.editedRequest = edited == original ? nil : edited
                self.gate = gate
                flash(edited == original ? "The prompt is unchanged." : "Prompt edited; enter sends your version.")
            case .failure(let error):
                flash("Could not read the edited prompt: \(error). The prompt is unchanged.", .failure)
            }
        }
        return []
    }

    /// The held gate with `ticket`; nil (and a note) when that gate has been released meanwhile.
    private mutating func heldGate(_ ticket: Int) -> GateState? {
        guard let gate, gate.ticket.id == ticket else {
            flash("That gate is no longer held; the edit was dropped.", .warning)
            return nil
        }
        return gate
    }
}

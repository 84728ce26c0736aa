import Foundation
import ReasoningBank
import TerminalUI

/// A gate held in step mode on a line terminal (`rbank run --step`, the REPL): what is about to happen,
/// and the person's typed answers to it — the workbench's choices as short words. Edits are kept here
/// until the gate is released; the decision says what changed.
struct GateReview {
    /// What an answer asks for.
    enum Outcome: Equatable {
        /// Release the gate with this decision.
        case decide(GateDecision)
        /// Release the gate, and stop asking for the rest of the run.
        case stopStepping(GateDecision)
        /// Open this part in `$EDITOR`.
        case edit(EditTarget)
        /// Print this, and ask again.
        case show(String)
    }

    /// What can be edited at a gate.
    enum EditTarget: Equatable {
        case memory(Int)
        case item(Int)
        case prompt
    }

    let gate: Gate
    /// The memories to inject (before injection), as edited.
    private(set) var memories: [MemoryItem] = []
    /// Indices of memories that will not be injected.
    private(set) var dropped: Set<Int> = []
    /// The items to store (before consolidation), as edited.
    private(set) var items: [ExtractedItem] = []
    /// Indices of items that will not be stored.
    private(set) var rejected: Set<Int> = []
    /// The request to send (before a model call), as edited.
    private(set) var request: ModelRequest?
    /// Whether a memory or an item was edited.
    private(set) var edited = false

    init(_ gate: Gate) {
        self.gate = gate
        switch gate {
        case .beforeInjection(_, let memories): self.memories = memories
        case .beforeModelCall(let request, _): self.request = request
        case .beforeJudging: break
        case .beforeConsolidation(_, let items): self.items = items
        }
    }

    /// The decision the gate's current state amounts to, as in the workbench: `proceed` when nothing was
    /// changed, `skipConsolidation` when every item was rejected.
    var decision: GateDecision {
        switch gate {
        case .beforeInjection:
            guard edited || !dropped.isEmpty else { return .proceed }
            return .injectInstead(memories.indices.filter { !dropped.contains($0) }.map { memories[$0] })
        case .beforeModelCall(let original, _):
            guard let request, request != original else { return .proceed }
            return .sendInstead(request)
        case .beforeJudging:
            return .proceed
        case .beforeConsolidation:
            guard edited || !rejected.isEmpty else { return .proceed }
            let kept = items.indices.filter { !rejected.contains($0) }.map { items[$0] }
            return kept.isEmpty ? .skipConsolidation : .consolidateInstead(kept)
        }
    }

    /// What a typed answer asks for. The first word is the choice (its letter or the whole word), and a
    /// number after it picks a memory or an item (1 when left out).
    mutating func answer(_ line: String) -> Outcome {
        let words = line.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        let word = words.first ?? "c"
        let number = words.dropFirst().first.flatMap { Int($0) }
        func chose(_ letter: String, _ name: String) -> Bool { word == letter || word == name }

        if chose("c", "continue") { return .decide(decision) }
        if chose("q", "quit") { return .decide(.cancel) }
        if chose("g", "go") { return .stopStepping(decision) }
        if chose("p", "print") { return .show(fullText) }
        if chose("?", "help") || word == "h" { return .show(help) }
        switch gate {
        case .beforeInjection:
            if chose("s", "skip") { return .decide(.injectInstead([])) }
            if chose("d", "drop") { return toggle(\.dropped, number, count: memories.count, noun: "memory", off: "dropped", on: "kept") }
            if chose("e", "edit") { return pick(number, count: memories.count, noun: "memory").map { .edit(.memory($0)) } ?? .show(noSuch(number, memories.count, "memory")) }
        case .beforeModelCall:
            if chose("e", "edit") { return .edit(.prompt) }
        case .beforeJudging:
            if chose("y", "yes") { return .decide(.overrideVerdict(.success)) }
            if chose("n", "no") { return .decide(.overrideVerdict(.failure)) }
        case .beforeConsolidation(let verdict, _):
            if chose("s", "skip") { return .decide(.skipConsolidation) }
            if chose("x", "reject") { return toggle(\.rejected, number, count: items.count, noun: "item", off: "rejected", on: "kept") }
            if chose("e", "edit") { return pick(number, count: items.count, noun: "item").map { .edit(.item($0)) } ?? .show(noSuch(number, items.count, "item")) }
            if chose("o", "override") { return .decide(.overrideVerdict(verdict.status == .success ? .failure : .success)) }
        }
        return .show("Not a choice here: \(line.trimmingCharacters(in: .whitespaces)). \(choices)")
    }

    /// The text `$EDITOR` opens for `target`.
    func text(for target: EditTarget) -> String {
        switch target {
        case .memory(let index): ItemText.text(memories[index].fields)
        case .item(let index): ItemText.text(items[index])
        case .prompt: request?.renderedPrompt ?? ""
        }
    }

    /// Takes the edited text for `target`; says what happened (an unreadable text changes nothing).
    mutating func applyEdit(_ text: String, to target: EditTarget) -> String {
        switch target {
        case .memory(let index):
            switch ItemText.parse(text) {
            case .success(let fields):
                memories[index].title = fields.title
                memories[index].description = fields.description
                memories[index].content = fields.content
                dropped.remove(index)
                edited = true
                return "Memory \(index + 1) edited for this run; c injects it."
            case .failure(let error):
                return "Could not read the edited memory: \(error). It is unchanged."
            }
        case .item(let index):
            switch ItemText.parse(text) {
            case .success(let fields):
                items[index] = fields
                rejected.remove(index)
                edited = true
                return "Item \(index + 1) edited; c stores it."
            case .failure(let error):
                return "Could not read the edited item: \(error). It is unchanged."
            }
        case .prompt:
            guard case .beforeModelCall(let original, _) = gate else { return "There is no prompt at this gate." }
            switch PromptText.parse(text, original: request ?? original) {
            case .success(let edited):
                request = edited
                return edited == original ? "The prompt is unchanged." : "Prompt edited; c sends your version."
            case .failure(let error):
                return "Could not read the edited prompt: \(error). The prompt is unchanged."
            }
        }
    }

    // MARK: Helpers

    private func pick(_ number: Int?, count: Int, noun: String) -> Int? {
        let index = (number ?? 1) - 1
        return (0..<count).contains(index) ? index : nil
    }

    private func noSuch(_ number: Int?, _ count: Int, _ noun: String) -> String {
        count == 0 ? "There is no \(noun) here." : "No \(noun) \(number ?? 1): give a number from 1 to \(count)."
    }

    private mutating func toggle(
        _ set: WritableKeyPath<GateReview, Set<Int>>, _ number: Int?, count: Int, noun: String, off: String, on: String
    ) -> Outcome {
        guard let index = pick(number, count: count, noun: noun) else { return .show(noSuch(number, count, noun)) }
        let wasOff = self[keyPath: set].remove(index) != nil
        if !wasOff { self[keyPath: set].insert(index) }
        return .show("\(noun.capitalized) \(index + 1) \(wasOff ? on : off). \(remaining)")
    }

    /// How many memories or items the gate will pass on now.
    private var remaining: String {
        switch gate {
        case .beforeInjection: "\(memories.count - dropped.count) of \(memories.count) will be injected."
        case .beforeConsolidation: "\(items.count - rejected.count) of \(items.count) will be stored."
        case .beforeModelCall, .beforeJudging: ""
        }
    }
}

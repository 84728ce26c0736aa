import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("One binding table drives dispatch, help and the key bar")
struct BindingTableTests {
    /// States that together reach every context.
    static func states() -> [AppState] {
        let size = Size(width: 80, height: 24)
        var bankHistory = Scenario.bank(size)
        Scenario.press(&bankHistory, .character("h"))
        var bankDetail = Scenario.bank(size)
        Scenario.press(&bankDetail, .tab)
        var search = Scenario.bank(size)
        Scenario.press(&search, .character("/"))
        var title = Scenario.bank(size)
        Scenario.press(&title, .character("t"))
        var confirm = Scenario.runMidRun(size)
        Scenario.press(&confirm, .escape)
        var output = Scenario.paletteOutput(size)
        Scenario.press(&output, .character("j"))
        return [
            Scenario.runIdle(size), Scenario.runMidRun(size), Scenario.injectionGate(size), Scenario.modelCallGate(size),
            Scenario.judgingGate(size), Scenario.consolidationGate(size), Scenario.bank(size), bankDetail, bankHistory,
            Scenario.bankDiff(size), search, title, Scenario.runsList(size), Scenario.openedRun(size), Scenario.palette(size),
            output, Scenario.taskPicker(size), confirm, Scenario.help(size), Scenario.compareIdle(size),
            Scenario.compareParallelMidStream(size), Scenario.compareParallelFinished(size),
        ]
    }

    @Test("no key is bound twice within a context")
    func noDuplicates() {
        for context in BindingContext.allCases {
            let keys = KeyBinding.bindings(in: context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context) binds a key twice")
        }
    }

    @Test("every context has bindings and is in force in some state")
    func everyContextReachable() {
        let reached = Set(Self.states().flatMap(\.keyContexts))
        for context in BindingContext.allCases {
            #expect(!KeyBinding.bindings(in: context).isEmpty, "\(context) has no bindings")
            #expect(reached.contains(context), "\(context) is never in force")
        }
    }

    @Test("help lists every binding of the table, generated from it")
    func helpListsEverything() {
        var listed: Set<KeyBinding> = []
        for state in Self.states() { listed.formUnion(state.helpSections.flatMap(\.bindings)) }
        for binding in KeyBinding.table {
            #expect(listed.contains(binding), "help never lists \(binding.keyText) \(binding.summary) (\(binding.context))")
        }
    }

    @Test("help's text shows each binding's keys and summary")
    func helpText() {
        let state = Scenario.help(Size(width: 80, height: 24))
        let text = OverlayView.helpLines(state, width: 76).map(\.text).joined(separator: "\n")
        for binding in state.helpSections.flatMap(\.bindings) {
            #expect(text.contains(binding.keyText), "\(binding.keyText)")
            #expect(text.contains(TextLayout.wrap(binding.summary, to: 60).first ?? ""), "\(binding.summary)")
        }
        #expect(text.contains("Run screen"))
        #expect(text.contains("Everywhere"))
    }

    @Test("help leaves out global bindings the screen overrides")
    func helpShadowing() {
        let sections = Scenario.help(Size(width: 80, height: 24)).helpSections
        let everywhere = sections.first { $0.title == "Everywhere" }?.bindings ?? []
        #expect(!everywhere.contains { $0.keys.contains(.enter) }, "enter unfolds on the Run screen")
        #expect(everywhere.contains { $0.command == .quit })
        #expect(everywhere.contains { $0.command == .forceQuit })
    }

    @Test("the key bar shows at most seven bindings of the table, help last")
    func bar() {
        for state in Self.states() {
            let bindings = state.barBindings
            #expect(!bindings.isEmpty)
            #expect(bindings.allSatisfy { KeyBinding.table.contains($0) && $0.barLabel != nil })
            let shown = KeyBar.line(bindings, width: 78)
            #expect(shown.width <= 78)
            if bindings.contains(where: { $0.command == .help }) { #expect(shown.text.hasSuffix("? help")) }
            let count = bindings.count - (bindings.last?.command == .help ? 1 : 0)
            #expect(count <= 7, "\(state.keyContexts) offers \(count)")
        }
    }

    @Test("dispatch takes the most specific context first")
    func lookupOrder() {
        #expect(KeyBinding.lookup(.enter, in: [.run, .global])?.command == .toggleFold)
        #expect(KeyBinding.lookup(.enter, in: [.runsList, .global])?.command == .open)
        #expect(KeyBinding.lookup(.character("q"), in: [.palette, .lineEditing, .always]) == nil)
        #expect(KeyBinding.lookup(.control("c"), in: [.palette, .lineEditing, .always])?.command == .forceQuit)
    }
}

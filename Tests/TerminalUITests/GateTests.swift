import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("Step-through gates: each gate, each decision, edits through $EDITOR")
struct GateTests {
    let size = Size(width: 80, height: 24)

    static func edited(_ fields: ExtractedItem) -> String { ItemText.text(fields) }

    // MARK: Before injection

    @Test("injection: enter with nothing changed proceeds")
    func injectionProceeds() {
        var state = Scenario.gate(.beforeInjection(task: Sample.task, memories: [Sample.sortItem, Sample.messageItem]), size)
        #expect(state.keyContexts.first == .gateInjection)
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .proceed)])
        #expect(state.gate == nil)
    }

    @Test("injection: d drops the selected memory (again keeps it); enter injects the rest")
    func injectionDrops() {
        var state = Scenario.injectionGate(size)
        #expect(state.gate?.memories.map(\.isDropped) == [false, true])
        Scenario.press(&state, .character("d"))
        #expect(state.gate?.memories.map(\.isDropped) == [false, false])
        Scenario.press(&state, .character("d"))
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .injectInstead([Sample.sortItem]))])
    }

    @Test("injection: e edits the memory in $EDITOR; the edit keeps its id and provenance")
    func injectionEdits() {
        var state = Scenario.gate(.beforeInjection(task: Sample.task, memories: [Sample.sortItem, Sample.messageItem]), size)
        let effects = Scenario.press(&state, .character("e"))
        let request = EditorRequest(purpose: .editInjected(ticket: 7, index: 0), text: ItemText.text(Sample.sortItem.fields))
        #expect(effects == [.openEditor(request)])
        let fields = ExtractedItem(title: "Sort first", description: Sample.sortItem.description, content: "Sort, then open the first result.")
        Scenario.send(&state, [.editorFinished(request, Self.edited(fields))])
        var expected = Sample.sortItem
        expected.title = "Sort first"
        expected.content = "Sort, then open the first result."
        #expect(state.gate?.memories.first?.item == expected)
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .injectInstead([expected, Sample.messageItem]))])
    }

    @Test("injection: an unreadable edit keeps the memory and says why")
    func injectionBadEdit() {
        var state = Scenario.gate(.beforeInjection(task: Sample.task, memories: [Sample.sortItem]), size)
        let request = EditorRequest(purpose: .editInjected(ticket: 7, index: 0), text: "")
        Scenario.send(&state, [.editorFinished(request, "# Title\nOnly a title")])
        #expect(state.gate?.memories.first?.isEdited == false)
        #expect(state.status?.kind == .failure)
        #expect(state.status?.text.contains("## Description") == true)
        Scenario.send(&state, [.editorFinished(request, nil)])
        #expect(state.status?.kind == .info)
    }

    // MARK: Before a model call

    @Test("model call: enter sends the prompt unchanged")
    func modelCallProceeds() {
        var state = Scenario.modelCallGate(size)
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .proceed)])
    }

    @Test("model call: e opens the rendered prompt; the edited text becomes the request sent")
    func modelCallEdits() {
        var state = Scenario.modelCallGate(size)
        let request = EditorRequest(purpose: .editPrompt(ticket: 7), text: Sample.request.renderedPrompt)
        #expect(Scenario.press(&state, .character("e")) == [.openEditor(request)])
        let text = Sample.request.renderedPrompt.replacingOccurrences(of: "[12] link 'Beauty'", with: "[12] link 'Beauty' (try this first)") + "\n"
        Scenario.send(&state, [.editorFinished(request, text)])
        var expected = Sample.request
        expected.messages[0].content += " (try this first)"
        #expect(state.gate?.editedRequest == expected)
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .sendInstead(expected))])
    }

    @Test("model call: an edit of the system section changes the system prompt")
    func modelCallSystemEdit() {
        var state = Scenario.modelCallGate(size)
        let request = EditorRequest(purpose: .editPrompt(ticket: 7), text: "")
        let text = Sample.request.renderedPrompt.replacingOccurrences(of: "one step at a time.", with: "one careful step at a time.")
        Scenario.send(&state, [.editorFinished(request, text)])
        #expect(state.gate?.editedRequest?.system.contains("one careful step at a time.") == true)
        #expect(state.gate?.editedRequest?.messages == Sample.request.messages)
    }

    @Test("model call: a prompt without its markers is refused and stays as it was")
    func modelCallBadEdit() {
        var state = Scenario.modelCallGate(size)
        Scenario.send(&state, [.editorFinished(EditorRequest(purpose: .editPrompt(ticket: 7), text: ""), "just some text")])
        #expect(state.gate?.editedRequest == nil)
        #expect(state.status?.kind == .failure)
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .proceed)])
    }

    @Test("model call: j/k scroll the prompt within bounds")
    func modelCallScroll() throws {
        var state = Scenario.modelCallGate(size)
        Scenario.press(&state, .character("j"), .character("j"))
        #expect(state.gate?.scroll == 2)
        let gate = try #require(state.gate)
        for _ in 0..<100 { Scenario.press(&state, .pageDown) }
        #expect(state.gate?.scroll == state.maxGateScroll(gate))
        Scenario.press(&state, .character("g"))
        #expect(state.gate?.scroll == 0)
    }

    // MARK: Before judging

    @Test("judging: y and n set the verdict and skip the judge; enter lets it judge")
    func judging() {
        var state = Scenario.judgingGate(size)
        #expect(Scenario.press(&state, .character("y")) == [.decide(ticket: 7, .overrideVerdict(.success))])
        state = Scenario.judgingGate(size)
        #expect(Scenario.press(&state, .character("n")) == [.decide(ticket: 7, .overrideVerdict(.failure))])
        state = Scenario.judgingGate(size)
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .proceed)])
    }

    // MARK: Before consolidation

    @Test("consolidation: enter with nothing changed stores the items as extracted")
    func consolidationProceeds() {
        var state = Scenario.gate(.beforeConsolidation(verdict: Sample.verdict, items: Sample.extracted), size)
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .proceed)])
    }

    @Test("consolidation: x rejects, a keeps, enter stores the kept items")
    func consolidationRejects() {
        var state = Scenario.consolidationGate(size)
        #expect(state.gate?.items.map(\.isRejected) == [false, true])
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .consolidateInstead([Sample.extracted[0]]))])
        state = Scenario.consolidationGate(size)
        Scenario.press(&state, .character("a"))
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .proceed)])
    }

    @Test("consolidation: rejecting everything stores nothing")
    func consolidationRejectsAll() {
        var state = Scenario.consolidationGate(size)
        Scenario.press(&state, .character("k"), .character("x"))
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .skipConsolidation)])
    }

    @Test("consolidation: e edits an item; the edit is stored")
    func consolidationEdits() {
        var state = Scenario.gate(.beforeConsolidation(verdict: Sample.verdict, items: Sample.extracted), size)
        Scenario.press(&state, .character("j"))
        let request = EditorRequest(purpose: .editExtracted(ticket: 7, index: 1), text: ItemText.text(Sample.extracted[1]))
        #expect(Scenario.press(&state, .character("e")) == [.openEditor(request)])
        let fields = ExtractedItem(title: "Say done, then stop", description: "One message.", content: "Send one short message.")
        Scenario.send(&state, [.editorFinished(request, Self.edited(fields))])
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .consolidateInstead([Sample.extracted[0], fields]))])
    }

    @Test("consolidation: n skips it; o flips the verdict")
    func consolidationSkipAndOverride() {
        var state = Scenario.consolidationGate(size)
        #expect(Scenario.press(&state, .character("n")) == [.decide(ticket: 7, .skipConsolidation)])
        state = Scenario.consolidationGate(size)
        #expect(Scenario.press(&state, .character("o")) == [.decide(ticket: 7, .overrideVerdict(.failure))])
    }

    // MARK: Every gate

    @Test("esc at a gate asks, then cancels the run there")
    func cancelAtGate() {
        var state = Scenario.judgingGate(size)
        #expect(Scenario.press(&state, .escape).isEmpty)
        #expect(state.overlay == .confirm(.cancelAtGate(ticket: 7)))
        #expect(Scenario.press(&state, .character("y")) == [.decide(ticket: 7, .cancel)])
        #expect(state.gate == nil)
    }

    @Test("s decides as shown and turns step mode off")
    func stopStepping() {
        var state = Scenario.injectionGate(size)
        #expect(Scenario.press(&state, .character("s")) == [.decide(ticket: 7, .injectInstead([Sample.sortItem])), .setStepMode(false)])
        #expect(!state.stepMode)
        #expect(state.gate == nil)
    }

    @Test("an edit for a gate that was released meanwhile is dropped")
    func staleEdit() {
        var state = Scenario.injectionGate(size)
        let request = EditorRequest(purpose: .editInjected(ticket: 3, index: 0), text: "")
        Scenario.send(&state, [.editorFinished(request, Self.edited(Sample.sortItem.fields))])
        #expect(state.status?.kind == .warning)
        #expect(state.gate?.memories.allSatisfy { !$0.isEdited } == true)
    }

    @Test("the gate answers keys only on the Run screen; elsewhere the status line points to it")
    func gateElsewhere() {
        var state = Scenario.modelCallGate(size)
        state.status = nil
        Scenario.press(&state, .character("2"))
        #expect(state.screen == .bank)
        #expect(StatusRow.message(state).text.contains("press 1"))
        Scenario.press(&state, .character("1"))
        #expect(Scenario.press(&state, .enter) == [.decide(ticket: 7, .proceed)])
    }

    @Test("? opens help about the gate and closes again")
    func help() {
        var state = Scenario.consolidationGate(size)
        Scenario.press(&state, .character("?"))
        #expect(state.overlay == .help(scroll: 0))
        let titles = state.helpSections.map(\.title)
        #expect(titles.first == BindingContext.gateConsolidation.title)
        Scenario.press(&state, .character("?"))
        #expect(state.overlay == nil)
        #expect(state.gate != nil)
    }
}

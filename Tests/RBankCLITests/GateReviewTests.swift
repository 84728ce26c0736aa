import Foundation
import ReasoningBank
import Testing

@testable import RBankCLI

@Suite("Step mode on a line terminal: a gate, the typed answers, and the decision")
struct GateReviewTests {
    static let task = TaskSpec(id: "qa-001", query: "How many r's in strawberry?", environment: "qa")
    static let memories = (1...3).map { index in
        MemoryItem(
            id: "m-\(index)", title: "Memory \(index)", description: "What memory \(index) says.", content: "Do \(index).",
            provenance: Provenance(taskID: "qa-00\(index)", source: .extracted, createdAt: Date(timeIntervalSince1970: 0)))
    }
    static let items = [
        ExtractedItem(title: "Count every letter", description: "Doubled letters count twice.", content: "Spell it out."),
        ExtractedItem(title: "Check twice", description: "Verify another way.", content: "Recount."),
    ]
    static let request = ModelRequest(
        purpose: .agent, system: "You are an agent.",
        messages: [ChatMessage(role: .user, content: (1...9).map { "line \($0)" }.joined(separator: "\n"))],
        temperature: 0.7, maxTokens: 512)
    static let verdict = Verdict(status: .success, thoughts: "Looks right.", rawResponse: "Status: success")

    @Test("before injection: continue unchanged proceeds; drops and edits inject the rest; skip injects none")
    func injection() {
        var review = GateReview(.beforeInjection(task: Self.task, memories: Self.memories))
        #expect(review.summary.contains("before injection · task qa-001"))
        #expect(review.summary.contains("2. m-2 \"Memory 2\""))
        #expect(review.answer("") == .decide(.proceed))
        #expect(review.answer("d 2") == .show("Memory 2 dropped. 2 of 3 will be injected."))
        #expect(review.summary.contains("\"Memory 2\"  [dropped]"))
        #expect(review.answer("c") == .decide(.injectInstead([Self.memories[0], Self.memories[2]])))
        #expect(review.answer("drop 2") == .show("Memory 2 kept. 3 of 3 will be injected."))
        #expect(review.answer("e 3") == .edit(.memory(2)))
        #expect(review.text(for: .memory(2)).hasPrefix("# Title\nMemory 3\n"))
        #expect(review.applyEdit("# Title\nSharper\n\n## Description\nd\n\n## Content\nc\n", to: .memory(2)) == "Memory 3 edited for this run; c injects it.")
        guard case .decide(.injectInstead(let injected)) = review.answer("continue") else { Issue.record("no injection"); return }
        #expect(injected.map(\.title) == ["Memory 1", "Memory 2", "Sharper"])
        #expect(injected[2].id == "m-3")
        #expect(review.answer("s") == .decide(.injectInstead([])))
        #expect(review.answer("d 9") == .show("No memory 9: give a number from 1 to 3."))
    }

    @Test("an unreadable edit changes nothing and says why")
    func unreadableEdit() {
        var review = GateReview(.beforeInjection(task: Self.task, memories: Self.memories))
        #expect(review.applyEdit("just words", to: .memory(0)).hasPrefix("Could not read the edited memory: there is text before # Title"))
        #expect(review.decision == .proceed)
    }

    @Test("before a model call: the last turn's end is shown; p prints the prompt; an edited prompt is sent instead")
    func modelCall() {
        var review = GateReview(.beforeModelCall(Self.request, step: 2))
        #expect(review.summary.contains("before model call · agent · step 2 · temperature 0.7"))
        #expect(review.summary.contains("(3 lines above; p prints it all)"))
        #expect(review.summary.contains("    line 9") && !review.summary.contains("    line 3\n"))
        #expect(review.answer("p") == .show(Self.request.renderedPrompt))
        #expect(review.answer("e") == .edit(.prompt))
        let edited = Self.request.renderedPrompt.replacingOccurrences(of: "You are an agent.", with: "You are careful.")
        #expect(review.applyEdit(edited, to: .prompt) == "Prompt edited; c sends your version.")
        guard case .decide(.sendInstead(let sent)) = review.answer("c") else { Issue.record("not sent instead"); return }
        #expect(sent.system == "You are careful.")
        #expect(sent.messages == Self.request.messages)
        #expect(review.answer("s") == .show("Not a choice here: s. " + review.choices))
    }

    @Test("before judging: y and n set the verdict without the judge")
    func judging() {
        var review = GateReview(.beforeJudging(Trajectory(finalAnswer: "3")))
        #expect(review.summary.contains("before judging · 0 steps · final answer \"3\""))
        #expect(review.answer("y") == .decide(.overrideVerdict(.success)))
        #expect(review.answer("no") == .decide(.overrideVerdict(.failure)))
        #expect(review.answer("g") == .stopStepping(.proceed))
        #expect(review.answer("q") == .decide(.cancel))
    }

    @Test("before consolidation: rejects and edits store the rest; skip stores nothing; o flips the verdict")
    func consolidation() {
        var review = GateReview(.beforeConsolidation(verdict: Self.verdict, items: Self.items))
        #expect(review.summary.contains("before consolidation · verdict success"))
        #expect(review.choices.contains("[o] make it a failure"))
        #expect(review.answer("x 1") == .show("Item 1 rejected. 1 of 2 will be stored."))
        #expect(review.answer("c") == .decide(.consolidateInstead([Self.items[1]])))
        #expect(review.answer("e 1") == .edit(.item(0)))
        _ = review.applyEdit("# Title\nCount doubled letters\n\n## Description\nx\n\n## Content\ny\n", to: .item(0))
        #expect(review.answer("") == .decide(.consolidateInstead([ExtractedItem(title: "Count doubled letters", description: "x", content: "y"), Self.items[1]])))
        #expect(review.answer("s") == .decide(.skipConsolidation))
        #expect(review.answer("o") == .decide(.overrideVerdict(.failure)))
        #expect(review.fullText.contains("2.\n# Title\nCheck twice"))
        #expect(review.answer("?").description.contains("x N, reject N"))
    }

    @Test("the control prints each gate, loops on shown answers and edits, and goes on alone after g or the end of input")
    func control() async {
        let input = LineSourceFake(["d 1", "e 2", "c", "g"])
        let printed = Printed()
        let control = TerminalGateControl(input: input, write: { printed.add($0) }, edit: { text in
            text.replacingOccurrences(of: "Memory 2", with: "Edited 2")
        })
        let first = await control.decide(at: .beforeInjection(task: Self.task, memories: Self.memories))
        guard case .injectInstead(let injected) = first else { Issue.record("expected an injection, got \(first)"); return }
        #expect(injected.map(\.title) == ["Edited 2", "Memory 3"])
        #expect(await control.decide(at: .beforeJudging(Trajectory())) == .proceed)
        #expect(await control.decide(at: .beforeConsolidation(verdict: Self.verdict, items: Self.items)) == .proceed)
        #expect(input.prompts == ["step> ", "step> ", "step> ", "step> "])
        let text = printed.text
        #expect(text.contains("Memory 1 dropped."))
        #expect(text.contains("Memory 2 edited for this run"))
        #expect(text.contains("Going on without stopping"))
        #expect(!text.contains("before consolidation"))

        let ending = TerminalGateControl(input: LineSourceFake([]), write: { printed.add($0) })
        #expect(await ending.decide(at: .beforeJudging(Trajectory())) == .proceed)
        #expect(printed.text.contains("End of input: the run goes on without stopping."))
        let interrupted = LineSourceFake([])
        interrupted.interruptNext = true
        #expect(await TerminalGateControl(input: interrupted, write: { printed.add($0) }).decide(at: .beforeJudging(Trajectory())) == .cancel)
    }
}

extension GateReview.Outcome: CustomStringConvertible {
    public var description: String {
        switch self {
        case .decide(let decision): "decide \(decision)"
        case .stopStepping(let decision): "stop stepping \(decision)"
        case .edit(let target): "edit \(target)"
        case .show(let text): text
        }
    }
}

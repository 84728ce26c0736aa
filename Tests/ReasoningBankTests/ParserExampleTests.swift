import ReasoningBank
import Testing

@Suite("Parsers on known inputs")
struct ParserExampleTests {
    @Test func reactLabelled() {
        #expect(
            ReActParser.parse(ParserFixtures.react)
                == .success(ReActOutput(
                    thought: "The memory item about counting is relevant. I will count every occurrence.",
                    action: "answer('3')")))
    }

    @Test func reactTagged() {
        #expect(
            ReActParser.parse(ParserFixtures.tagged)
                == .success(ReActOutput(thought: "Search first, then open the product.", action: "click('12')")))
    }

    @Test func reactMultilineThoughtAndTrailingObservation() {
        let text = "Thought: first line\nsecond line\nAction: `scroll('down')`\nObservation: made up"
        #expect(ReActParser.parse(text) == .success(ReActOutput(thought: "first line\nsecond line", action: "scroll('down')")))
    }

    @Test func reactFailures() {
        #expect(ReActParser.parse("   ") == .failure(.empty))
        #expect(ReActParser.parse("Thought: hmm") == .failure(.missing("Action:")))
        #expect(ReActParser.parse("<think>x</think><action>click('1')") == .failure(.unterminated("<action>")))
        #expect(ReActParser.parse("Thought: x\nAction:   ") == .failure(.invalidValue(field: "Action:", value: "")))
        // "Action:" inside a sentence is not a label.
        #expect(ReActParser.parse("The Action: is unclear") == .failure(.missing("Action:")))
    }

    @Test func verdicts() {
        #expect(
            VerdictParser.parse(ParserFixtures.verdict)
                == .success(ParsedVerdict(
                    status: .success,
                    thoughts: "The agent answered with the number of orders shown on the page, which matches the intent.")))
        #expect(VerdictParser.parse("Thoughts: wrong item\nStatus: failure").map(\.status) == .success(.failure))
        #expect(VerdictParser.parse("**Thoughts:** ok\n**Status:** \"success\"").map(\.status) == .success(.success))
        #expect(VerdictParser.parse("Thoughts: unsure") == .failure(.missing("Status:")))
        #expect(VerdictParser.parse("") == .failure(.empty))
        #expect(VerdictParser.parse("Status: partially").map(\.status) == .failure(.invalidValue(field: "Status:", value: " partially")))
    }

    @Test func memoryItems() throws {
        let items = try MemoryItemParser.parse(ParserFixtures.items).get()
        #expect(items == [
            ExtractedItem(
                title: "Paginate before concluding", description: "Use when a list spans several pages.",
                content: "Open every page of the list before answering; the first page is rarely complete."),
            ExtractedItem(
                title: "Check the filter", description: "Use when results look too few.",
                content: "Clear filters and search again with fewer words."),
        ])
    }

    @Test func memoryItemsWithColonsAndNextLineValues() throws {
        let text = "# Memory Item 1\n## Title:\nTwo-line\n## Description: d\n## Content:\nline one\nline two"
        #expect(try MemoryItemParser.parse(text).get() == [
            ExtractedItem(title: "Two-line", description: "d", content: "line one\nline two")
        ])
        #expect(MemoryItemParser.parse("no items here") == .failure(.missing("## Title")))
        #expect(MemoryItemParser.parse("## Title only") == .failure(.missing("## Content")))
    }

    @Test func actionCalls() {
        #expect(ActionCallParser.parse("fill('5', 'it\\'s blue')") == .success(ActionCall(name: "fill", arguments: ["5", "it's blue"])))
        #expect(ActionCallParser.parse("answer(\"42\")") == .success(ActionCall(name: "answer", arguments: ["42"])))
        #expect(ActionCallParser.parse("go_back()") == .success(ActionCall(name: "go_back", arguments: [])))
        #expect(ActionCallParser.parse("click(12)") == .success(ActionCall(name: "click", arguments: ["12"])))
        #expect(ActionCallParser.parse("click('12'") == .failure(.unterminated("(")))
        #expect(ActionCallParser.parse("click") == .failure(.missing("( after click")))
        #expect(ActionCallParser.parse("click(abc)") == .failure(.invalidValue(field: "argument", value: "abc")))
    }
}

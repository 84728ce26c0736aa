import PropertyBased
import ReasoningBank
import Testing

/// Fragments that make adversarial text: labels, tags, quotes, headings, control and wide characters.
private let fragments = [
    "Thought:", "Action:", "Thoughts:", "Status:", "<think>", "</think>", "<action>", "</action>", "\"success\"",
    "failure", "success", "# Memory Item 1", "## Title", "## Description", "## Content", "#", "##", "\n", "\n\n",
    "\r\n", " ", "'", "\"", "\\", "(", ")", ",", "answer(", "click('12')", "`", "*", "**Status:**", "界", "😀",
    "\u{0}", "\u{301}", "e\u{301}", "\t", "Observation:", "fill('5', 'a\\'b')", "-1.5", "Status: maybe",
    "Best:", "Best: 2", "**Best:**", "Candidate", "#3", "0", "7", "99999999999999999999", "Trajectory 1",
]

private let adversarialText = Gen<String?>.element(of: fragments).array(of: 0...40).map { $0.compactMap { $0 }.joined() }
// Scalars below the surrogate block; the generator cannot produce surrogates.
private let randomText = Gen.character(in: "\u{1}"..."\u{D7FF}").string(of: 0...200)

@Suite("Parsers are total")
struct ParserPropertyTests {
    @Test("random and adversarial text never crashes a parser")
    func noCrash() async {
        await propertyCheck(count: 400, input: adversarialText) { text in
            _ = ReActParser.parse(text)
            _ = VerdictParser.parse(text)
            _ = MemoryItemParser.parse(text)
            _ = ActionCallParser.parse(text)
            _ = SelectionParser.parse(text, candidates: 3)
        }
        await propertyCheck(count: 400, input: randomText) { text in
            _ = ReActParser.parse(text)
            _ = VerdictParser.parse(text)
            _ = MemoryItemParser.parse(text)
            _ = ActionCallParser.parse(text)
        }
    }

    @Test("the selector parser is total: any text and any candidate count give an index in range or a typed failure")
    func selectionInRange() async {
        for candidates in [-1, 0, 1, 3, 5] {
            await propertyCheck(count: 300, input: adversarialText) { text in
                if case .success(let parsed) = SelectionParser.parse(text, candidates: candidates) {
                    #expect(parsed.index >= 0 && parsed.index < candidates)
                }
            }
        }
    }

    @Test("every truncation of a good input gives a result or a typed failure")
    func truncations() {
        for text in [ParserFixtures.react, ParserFixtures.tagged, ParserFixtures.verdict, ParserFixtures.items] {
            var prefix = ""
            for character in text {
                prefix.append(character)
                _ = ReActParser.parse(prefix)
                _ = VerdictParser.parse(prefix)
                _ = MemoryItemParser.parse(prefix)
                _ = ActionCallParser.parse(prefix)
            }
        }
    }

    @Test("a parsed item never has an empty title or content")
    func itemsAreComplete() async {
        await propertyCheck(count: 300, input: adversarialText) { text in
            if case .success(let items) = MemoryItemParser.parse(text) {
                #expect(!items.isEmpty)
                for item in items {
                    #expect(!item.title.isEmpty)
                    #expect(!item.content.isEmpty)
                }
            }
        }
    }

    @Test("a parsed action is never empty")
    func actionsAreNonEmpty() async {
        await propertyCheck(count: 300, input: adversarialText) { text in
            if case .success(let output) = ReActParser.parse(text) { #expect(!output.action.isEmpty) }
        }
    }

    @Test("rendering then parsing items is the identity for single-line fields")
    func itemRoundTrip() async {
        let word = Gen.letterOrNumber.string(of: 1...12)
        await propertyCheck(count: 200, input: word, word, word) { title, description, content in
            let item = ExtractedItem(title: title, description: description, content: content)
            let text = [item, item].enumerated().map { $0.element.markdown(index: $0.offset + 1) }.joined(separator: "\n\n")
            #expect(MemoryItemParser.parse(text) == .success([item, item]))
        }
    }
}

import Foundation
import ReasoningBank
import Testing

@testable import TerminalUI

@Suite("Text helpers: layout, item text, prompt text, line diff, formats")
struct TextTests {
    @Test("wrap keeps lines that fit, breaks long words, measures wide characters")
    func wrap() {
        #expect(TextLayout.wrap("bank         data/rbank.sqlite", to: 40) == ["bank         data/rbank.sqlite"])
        #expect(TextLayout.wrap("one two three four", to: 9) == ["one two", "three", "four"])
        #expect(TextLayout.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("界界界界", to: 5) == ["界界", "界界"])
        #expect(TextLayout.wrap("a\n\nb", to: 5) == ["a", "", "b"])
        #expect(TextLayout.wrap("  - indented text that wraps", to: 14) == ["  - indented", "  text that", "  wraps"])
        #expect(TextLayout.wrap("x", to: 0).isEmpty)
    }

    @Test("truncate ends in … and never exceeds its width, even with wide characters")
    func truncate() {
        #expect(TextLayout.truncate("Sort the listing", to: 10) == "Sort the…")
        #expect(TextLayout.truncate("short", to: 10) == "short")
        #expect(TextLayout.truncate("界界界界", to: 5) == "界界…")
        #expect(TextLayout.truncateLeading("data/banks/rbank.sqlite", to: 13) == "…rbank.sqlite")
        #expect(TextLayout.pad("ab", to: 4) == "ab  ")
        #expect(TextLayout.padLeading("ab", to: 4) == "  ab")
        for width in 0...12 {
            #expect(TextLayout.width(TextLayout.truncate("😀 emoji and 界 text", to: width)) <= width)
        }
    }

    @Test("an item's text reads back to the same fields")
    func itemTextRoundTrip() throws {
        let item = ExtractedItem(title: "Sort first", description: "Line one.\nLine two.", content: "1. Sort.\n2. Open.\n\n3. Stop.")
        #expect(try ItemText.parse(ItemText.text(item)).get() == item)
    }

    @Test("item text is read leniently: case, #s, colons and inline values")
    func itemTextLenient() throws {
        let text = "## title: Sort first\n\n# DESCRIPTION\nWhy.\n### Content   Do it.\nThen stop."
        #expect(try ItemText.parse(text).get() == ExtractedItem(title: "Sort first", description: "Why.", content: "Do it.\nThen stop."))
    }

    @Test("item text problems are reported, never guessed")
    func itemTextErrors() {
        #expect(ItemText.parse("# Title\nx\n## Description\ny") == .failure(.missing("## Content")))
        #expect(ItemText.parse("# Title\nx\n# Title\ny\n## Description\n## Content") == .failure(.repeated("# Title")))
        #expect(ItemText.parse("hello\n# Title\nx") == .failure(.textBeforeTitle))
        #expect(ItemText.parse("# Title\n\n## Description\nd\n## Content\nc") == .failure(.emptyTitle))
        #expect(ItemText.parse("# Titles\nx") == .failure(.textBeforeTitle))
        #expect(ItemText.parse("") == .failure(.missing("# Title")))
    }

    @Test("a rendered prompt reads back to the same request, with or without an editor's trailing newline")
    func promptRoundTrip() throws {
        let request = Sample.request
        #expect(try PromptText.parse(request.renderedPrompt, original: request).get() == request)
        #expect(try PromptText.parse(request.renderedPrompt + "\n", original: request).get() == request)
        var multi = request
        multi.messages += [ChatMessage(role: .assistant, content: "Thought: x\nAction: y"), ChatMessage(role: .user, content: "Observation:\nz\n")]
        #expect(try PromptText.parse(multi.renderedPrompt + "\n", original: multi).get() == multi)
    }

    @Test("edits to any section, and added turns, come through; settings stay")
    func promptEdits() throws {
        let request = Sample.request
        let text = request.renderedPrompt + "\n\n[assistant]\nThought: sort.\n\n[user]\nGo on."
        let edited = try PromptText.parse(text, original: request).get()
        #expect(edited.messages.count == 3)
        #expect(edited.messages[1] == ChatMessage(role: .assistant, content: "Thought: sort."))
        #expect(edited.messages[2] == ChatMessage(role: .user, content: "Go on."))
        #expect(edited.temperature == request.temperature)
        #expect(edited.purpose == request.purpose)
    }

    @Test("prompt text problems are reported")
    func promptErrors() {
        let request = Sample.request
        #expect(PromptText.parse("no markers", original: request) == .failure(.textBeforeSystem))
        #expect(PromptText.parse("[system]\nx", original: request) == .failure(.noTurns))
        #expect(PromptText.parse("[user]\nx", original: request) == .failure(.noSystem))
        #expect(PromptText.parse("[system]\nx\n[user]\ny\n[system]\nz", original: request) == .failure(.misplacedSystem))
        var tricky = request
        tricky.messages[0].content = "Observation:\n[user]\nlooks like a marker"
        #expect(PromptText.parse(tricky.renderedPrompt, original: tricky) == .failure(.ambiguous))
    }

    @Test("the line diff is a shortest edit: kept lines in order, removals before additions")
    func diff() {
        let changes = LineDiff.diff(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"])
        #expect(changes.map(\.text) == ["  a", "- b", "+ x", "  c", "  d", "+ e"])
        #expect(LineDiff.diff([], ["a"]).map(\.text) == ["+ a"])
        #expect(LineDiff.diff(["a"], []).map(\.text) == ["- a"])
        #expect(LineDiff.diff("same\ntext", "same\ntext").allSatisfy { if case .kept = $0 { true } else { false } })
    }

    @Test("formats are fixed: UTC dates, grouped counts, the CLI's dollars")
    func formats() {
        #expect(DisplayFormat.dateTime(Sample.start) == "2025-03-14 09:26")
        #expect(DisplayFormat.shortDateTime(Sample.start) == "03-14 09:26")
        #expect(DisplayFormat.date(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
        #expect(DisplayFormat.date(Date(timeIntervalSince1970: -86_400)) == "1969-12-31")
        #expect(DisplayFormat.dateTime(Date(timeIntervalSince1970: .nan)) == "—")
        #expect(DisplayFormat.shortDateTime(Date.distantFuture) == "01-01 00:00", "4001-01-01")
        #expect(DisplayFormat.dateTime(Date(timeIntervalSince1970: 1e300)) == "—")
        #expect(DisplayFormat.count(1_234_567) == "1,234,567")
        #expect(DisplayFormat.count(999) == "999")
        #expect(DisplayFormat.dollars(0) == "$0")
        #expect(DisplayFormat.dollars(0.012_34) == "$0.0123")
        #expect(DisplayFormat.dollars(12.345) == "$12.35")
        #expect(DisplayFormat.cost(Usage(costUSD: 0.5, unpricedCalls: 1)) == "$0.5000+")
        #expect(DisplayFormat.percent(0.755) == "76%")
        #expect(DisplayFormat.percent(nil) == "—")
    }

    @Test("a line input scrolls to keep its cursor visible")
    func lineInput() {
        var input = LineInput("abcdefghij")
        #expect(input.visible(in: 5) == ("ghij", 4), "the cursor cell after the text needs a column")
        input.moveToStart()
        #expect(input.visible(in: 5) == ("abcde", 0))
        var wide = LineInput("界界界")
        wide.moveLeft()
        #expect(wide.visible(in: 10) == ("界界界", 4))
    }

    @Test("tables drop the least important columns first and stretch the flexible one")
    func tableFit() {
        let columns = [
            TableColumn(title: "A", width: 4), TableColumn(title: "B", width: 10, isFlexible: true),
            TableColumn(title: "C", width: 6, dropPriority: 1), TableColumn(title: "D", width: 6, dropPriority: 2),
        ]
        #expect(TableColumn.fit(columns, width: 40) == [4, 18, 6, 6])
        #expect(TableColumn.fit(columns, width: 28) == [4, 14, 6, nil])
        #expect(TableColumn.fit(columns, width: 16) == [4, 10, nil, nil])
    }
}

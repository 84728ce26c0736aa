import LineREPL
import Testing

@Suite("Command words: the one shell-like splitter")
struct CommandWordsTests {
    @Test("whitespace separates; quotes group; a backslash escapes (not inside single quotes)")
    func splitting() throws {
        #expect(try CommandWords.split("  bank   search  price tips ") == ["bank", "search", "price", "tips"])
        #expect(try CommandWords.split(#"run "How many r's?" --env qa"#) == ["run", "How many r's?", "--env", "qa"])
        #expect(try CommandWords.split(#"run 'say "hi"' x"#) == ["run", #"say "hi""#, "x"])
        #expect(try CommandWords.split(#"a\ b 'c\d' "e\"f""#) == ["a b", #"c\d"#, #"e"f"#])
        #expect(try CommandWords.split(#"x '' """#) == ["x", "", ""])
        #expect(try CommandWords.split("") == [])
        #expect(try CommandWords.split(#"trailing\"#) == [#"trailing\"#])
    }

    @Test("an unclosed quote is an error that quotes the line")
    func unclosedQuote() {
        #expect(throws: CommandWordsError.unclosedQuote(line: #"run "half"#)) { try CommandWords.split(#"run "half"#) }
        #expect(CommandWordsError.unclosedQuote(line: "x 'y").description == "Unclosed quote in: x 'y")
    }

    @Test("scan reports the word being typed and an open quote, for completion")
    func scanning() {
        #expect(CommandWords.scan("bank sh") == .init(words: ["bank"], partial: "sh", openQuote: nil))
        #expect(CommandWords.scan("bank ") == .init(words: ["bank"], partial: nil, openQuote: nil))
        #expect(CommandWords.scan("") == .init(words: [], partial: nil, openQuote: nil))
        #expect(CommandWords.scan(#"bank search "two wo"#) == .init(words: ["bank", "search"], partial: "two wo", openQuote: "\""))
    }

    @Test("an escaped word splits back to itself", arguments: ["plain", "two words", #"it's"#, #"a "quote""#, #"back\slash"#, "", "tab\there"])
    func escapedRoundTrip(word: String) throws {
        #expect(try CommandWords.split("cmd " + CommandWords.escaped(word) + " end") == ["cmd", word, "end"])
    }
}

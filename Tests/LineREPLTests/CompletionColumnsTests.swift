import LineREPL
import Testing

@Suite("Completion lists in columns")
struct CompletionColumnsTests {
    @Test("words fill columns top to bottom within the width, every row ending in a line break")
    func columns() {
        let words = ["qa-001", "qa-002", "qa-003", "qa-004", "qa-005"]
        #expect(Completion.columns(words, width: 80) == "qa-001  qa-002  qa-003  qa-004  qa-005\n")
        #expect(Completion.columns(words, width: 22) == "qa-001  qa-003  qa-005\nqa-002  qa-004\n")
        #expect(Completion.columns(words, width: 6) == words.map { $0 + "\n" }.joined())
        #expect(Completion.columns([], width: 80) == "")
    }

    @Test("no line is wider than the width when one column fits", arguments: [8, 13, 20, 31, 47, 80])
    func fitsWidth(width: Int) {
        let words = (1...23).map { "m-\(String(repeating: "x", count: $0 % 5))\($0)" }
        let lines = Completion.columns(words, width: width).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= width })
        #expect(Set(lines.flatMap { $0.split(separator: " ").map(String.init) }) == Set(words))
    }
}

import Foundation
import ReasoningBank
import Testing

@Suite("Answer matching")
struct AnswerMatcherTests {
    @Test(arguments: [
        ("18", "18"), ("18.0", "18"), (" 18 ", "18"), ("+18", "18"), ("18.", "18"), ("1,000", "1000"),
        ("25%", "25"), ("Banana", "banana"), ("the banana", "banana"), ("a banana.", "Banana"),
        ("  New   York ", "new york"), ("\"eay\"", "eay"), ("'ELPPAENIP'", "elppaenip"), ("12.50", "12.5"),
        ("-3", "-3"), ("I don't know", "i dont know"), ("well-known", "wellknown"),
    ])
    func equivalent(_ given: String, _ expected: String) {
        #expect(AnswerMatcher.equivalent(given, expected), "\(given) vs \(expected)")
    }

    @Test(arguments: [
        ("17", "18"), ("eighteen", "18"), ("12.5", "125"), ("-3", "3"), ("", ""), ("bananas", "banana"),
        ("abc", "cba"), ("1.8", "18"),
    ])
    func different(_ given: String, _ expected: String) {
        #expect(!AnswerMatcher.equivalent(given, expected), "\(given) vs \(expected)")
    }

    @Test func aliasesAreAccepted() {
        #expect(AnswerMatcher.matches("150 minutes", expected: "150", aliases: ["150 minutes"]))
        #expect(AnswerMatcher.matches("150 Minutes.", expected: "150", aliases: ["150 minutes"]))
        #expect(!AnswerMatcher.matches("150 hours", expected: "150", aliases: ["150 minutes"]))
    }

    @Test func normalisation() {
        #expect(AnswerMatcher.normalize("  The  Quick, brown fox! ") == "quick brown fox")
        #expect(AnswerMatcher.normalize("3.14 and 1,000") == "3.14 and 1000")
        #expect(AnswerMatcher.number("2.5 hours") == nil)
        #expect(AnswerMatcher.number("-2.5") == -2.5)
    }
}

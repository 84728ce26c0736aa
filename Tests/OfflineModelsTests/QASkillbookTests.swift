import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("QA families and skillbook")
struct QASkillbookTests {
    let skillbook = QASkillbook.standard

    @Test func theFileHasEightFamiliesAndAboutAThirdNaiveRight() throws {
        let rows = Fixtures.rows
        try #require(rows.count >= 48)
        #expect(Set(rows.map(\.family)).count == 8)
        let right = rows.filter(\.naiveCorrect).count
        #expect(Double(right) / Double(rows.count) > 0.25 && Double(right) / Double(rows.count) < 0.42)
    }

    @Test func everyQuestionIsRecognisedAsItsFamily() throws {
        for row in Fixtures.rows {
            let family = try #require(skillbook.family(for: row.question), "\(row.id) not recognised")
            #expect(family.id == row.family, "\(row.id)")
        }
    }

    @Test func theCorrectProcedureGivesTheFilesAnswer() throws {
        for row in Fixtures.rows {
            let family = try #require(skillbook.family(for: row.question))
            let solution = try #require(family.solve(row.question, using: .correct))
            #expect(solution.answer == row.answer, "\(row.id): \(solution.answer) vs \(row.answer)")
        }
    }

    @Test func theNaiveProcedureIsWrongExactlyWhereFlagged() throws {
        for row in Fixtures.rows {
            let family = try #require(skillbook.family(for: row.question))
            let naive = try #require(family.solve(row.question, using: .naive))
            #expect(AnswerMatcher.equivalent(naive.answer, row.answer, allowingUnits: true) == row.naiveCorrect, "\(row.id): naive \(naive.answer)")
        }
    }

    @Test func unknownQuestionsBelongToNoFamily() {
        for question in [
            "What is the capital of France?", "Who wrote Hamlet?", "", "How many?", "What is 7?",
            "Reverse it.", "How many days are there between now and then?", "What is 1 / 0?",
        ] {
            #expect(skillbook.family(for: question) == nil, "\(question)")
        }
    }

    @Test func keyPhrasesAreWhereTheyMustBe() {
        for family in skillbook.families {
            #expect(family.keyPhraseCount(in: family.correctMethod) >= skillbook.relevanceThreshold, "\(family.id)")
            for item in family.strategyWording.allItems + family.lessonWording.allItems {
                #expect(family.keyPhraseCount(in: item.content) == family.keyPhrases.count, "\(family.id): \(item.content)")
                #expect(skillbook.familyTaught(by: item)?.id == family.id, "\(family.id): \(item.title)")
                #expect(skillbook.relevance(of: item, to: family) == .teaches)
            }
            for other in skillbook.families {
                #expect(other.keyPhraseCount(in: family.naiveMethod) == 0, "\(family.id) naive method vs \(other.id)")
            }
            for item in family.naiveWording.allItems + family.vagueWording.allItems {
                #expect(skillbook.familyTaught(by: item) == nil, "\(family.id): \(item.title)")
                #expect(skillbook.relevance(of: item, to: family) == .sameTopic)
            }
        }
        let generic = QAGenericWording.all.flatMap(\.allItems)
        for item in generic { #expect(skillbook.familyTaught(by: item) == nil, "\(item.title)") }
    }

    @Test func titlesAndDescriptionsHaveNoDigits() {
        var wordings = skillbook.families.flatMap { [$0.strategyWording, $0.lessonWording, $0.naiveWording, $0.vagueWording] }
        wordings += QAGenericWording.all
        for wording in wordings {
            for text in wording.titles + wording.descriptions {
                let hasDigit = text.contains { $0.isNumber }
                #expect(!hasDigit, "\(text)")
            }
        }
    }

    @Test func relevanceIsByContentNotByTitle() throws {
        let family = try #require(skillbook.family(id: "percent-change"))
        let handWritten = ExtractedItem(
            title: "My own note", description: "Something I learned.",
            content: "Divide the change by the original value, never by the new one.")
        #expect(skillbook.relevance(of: handWritten, to: family) == .teaches)
        let onePhrase = ExtractedItem(title: "Note", description: "", content: "Use the original value.")
        #expect(skillbook.relevance(of: onePhrase, to: family) == .unrelated)
        let other = try #require(skillbook.family(id: "letter-count")).strategyWording.allItems[0]
        #expect(skillbook.relevance(of: other, to: family) == .otherTopic(LetterCountFamily().topic))
    }

    @Test func textHelpers() {
        #expect(QAText.quotedStrings(in: "Is 'it' in \"that\" or don't 'x'?") == ["it", "that", "x"])
        #expect(QAText.numbers(in: "from 2.5 to 80. Then 3") == ["2.5", "80", "3"])
        #expect(QAText.format(252.00000000000003) == "252")
        #expect(QAText.format(33.3333) == "33.33")
        #expect(QAText.format(-0.0) == "0")
        #expect(AnswerMatcher.equivalent("25%", "25", allowingUnits: true))
        #expect(AnswerMatcher.equivalent("The Banana.", "banana", allowingUnits: true))
        #expect(!AnswerMatcher.equivalent("", "", allowingUnits: true))
        #expect(QAText.list(["3", "8", "9"]) == "3, 8 and 9")
    }
}

import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("Simulated model: judge")
struct SimulatedJudgeTests {
    let model = SimulatedModel()

    func verdict(_ question: String, _ answer: String?, model: SimulatedModel? = nil) throws -> ParsedVerdict {
        let text = (model ?? self.model).respond(to: Fixtures.judgeRequest(question: question, answer: answer)).text
        return try VerdictParser.parse(text).get()
    }

    @Test func correctAnswersAreAccepted() throws {
        for row in Fixtures.rows {
            #expect(try verdict(row.question, row.answer).status == .success, "\(row.id)")
            for alias in row.aliases { #expect(try verdict(row.question, alias).status == .success, "\(row.id) \(alias)") }
        }
    }

    @Test func wrongAnswersAreMostlyCaughtButNotAlways() throws {
        let skillbook = QASkillbook.standard
        var caught = 0
        var total = 0
        for seed in UInt64(0)..<4 {
            let model = SimulatedModel(seed: seed)
            for row in Fixtures.rows where !row.naiveCorrect {
                let naive = try #require(skillbook.family(for: row.question)?.solve(row.question, using: .naive))
                let verdict = try verdict(row.question, naive.answer, model: model)
                if verdict.status == .failure { caught += 1 }
                total += 1
            }
        }
        let rate = Double(caught) / Double(total)
        #expect(rate > 0.65 && rate < 0.92, "caught \(rate)")
    }

    @Test func missingOrUnknownAnswersFail() throws {
        let row = try #require(Fixtures.rows.first)
        #expect(try verdict(row.question, nil).status == .failure)
        #expect(try verdict(row.question, "I don't know").status == .failure)
        #expect(try verdict("What is the capital of France?", "Paris").status == .failure)
        #expect(try verdict(row.question, "a whole lot").status == .failure)
    }

    @Test func deterministicAtTemperatureZero() throws {
        let row = try #require(Fixtures.rows.first)
        let request = Fixtures.judgeRequest(question: row.question, answer: "2")
        #expect(model.respond(to: request) == model.respond(to: request))
        let text = model.respond(to: request).text
        #expect(text.split(whereSeparator: \.isNewline).count == 2)
        #expect(text.hasPrefix("Thoughts: "))
    }

    @Test func decidesFromWhatItSeesNotFromGroundTruth() throws {
        // A well-formed but wrong answer is accepted whenever the judge does not re-check.
        let skillbook = QASkillbook.standard
        var falseSuccesses = 0
        for row in Fixtures.rows where !row.naiveCorrect {
            let naive = try #require(skillbook.family(for: row.question)?.solve(row.question, using: .naive))
            let result = try verdict(row.question, naive.answer)
            if result.status == .success {
                falseSuccesses += 1
                #expect(result.thoughts.contains("as expected"))
            }
        }
        #expect(falseSuccesses > 0)
    }
}

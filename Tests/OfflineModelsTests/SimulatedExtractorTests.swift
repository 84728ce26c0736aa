import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("Simulated model: extractor")
struct SimulatedExtractorTests {
    let model = SimulatedModel()
    let skillbook = QASkillbook.standard

    /// Words of `row` that are specific to it: not shared by at least half of its family's questions.
    func literals(of row: QARow) -> Set<String> {
        let family = Fixtures.rows.filter { $0.family == row.family }
        var frequency: [String: Int] = [:]
        for other in family { for word in Set(QAText.words(in: other.question)) { frequency[word, default: 0] += 1 } }
        let specific = QAText.words(in: row.question).filter { 2 * (frequency[$0] ?? 0) < family.count }
        // Single letters cannot be told apart from ordinary words ("a"); numbers always count.
        return Set(specific.filter { $0.count >= 2 || $0.allSatisfy(\.isNumber) })
    }

    func items(_ request: ModelRequest, model: SimulatedModel? = nil) throws -> [ExtractedItem] {
        try MemoryItemParser.parse((model ?? self.model).respond(to: request).text).get()
    }

    func correctResponse(_ row: QARow) throws -> String {
        let family = try #require(skillbook.family(for: row.question))
        let teaching = family.strategyWording.allItems[0]
        return model.respond(to: Fixtures.agentRequest(question: row.question, memories: [teaching], temperature: 0)).text
    }

    @Test func successWithTheCorrectProcedureTeachesIt() throws {
        for row in Fixtures.rows {
            let request = Fixtures.extractionRequest(
                question: row.question, agentResponse: try correctResponse(row), success: true, judgeThoughts: "It matches.")
            let text = model.respond(to: request).text
            #expect(text.hasPrefix("Thinking first:"))
            let extracted = try items(request)
            #expect(extracted.count == 2 && extracted.count <= 3)
            #expect(skillbook.familyTaught(by: extracted[0])?.id == row.family, "\(row.id)")
            #expect(skillbook.familyTaught(by: extracted[1]) == nil)
        }
    }

    @Test func successWithTheNaiveProcedureDoesNotTeachIt() throws {
        for row in Fixtures.rows {
            let agent = model.respond(to: Fixtures.agentRequest(question: row.question, temperature: 0)).text
            let request = Fixtures.extractionRequest(question: row.question, agentResponse: agent, success: true, judgeThoughts: "Looks fine.")
            for item in try items(request) {
                #expect(skillbook.familyTaught(by: item) == nil, "\(row.id): \(item.title)")
            }
        }
    }

    @Test func failuresTeachTheCorrectProcedureMostOfTheTime() throws {
        var teaching = 0
        var total = 0
        for seed in UInt64(0)..<3 {
            let model = SimulatedModel(seed: seed)
            for row in Fixtures.rows where !row.naiveCorrect {
                let items = Fixtures.failureItems(for: row, model: model)
                #expect(!items.isEmpty && items.count <= 3)
                if items.contains(where: { skillbook.familyTaught(by: $0)?.id == row.family }) { teaching += 1 }
                total += 1
            }
        }
        let rate = Double(teaching) / Double(total)
        #expect(rate > 0.55 && rate < 0.85, "reflection rate \(rate)")
    }

    @Test func itemsNeverQuoteTheTask() throws {
        for row in Fixtures.rows {
            let literals = literals(of: row)
            let naive = model.respond(to: Fixtures.agentRequest(question: row.question, temperature: 0)).text
            let requests = [
                Fixtures.extractionRequest(question: row.question, agentResponse: naive, success: true, judgeThoughts: "ok"),
                Fixtures.extractionRequest(question: row.question, agentResponse: naive, success: false, judgeThoughts: "wrong"),
                Fixtures.extractionRequest(question: row.question, agentResponse: try correctResponse(row), success: true, judgeThoughts: "ok"),
            ]
            for request in requests {
                for seed in UInt64(0)..<3 {
                    for item in try items(request, model: SimulatedModel(seed: seed)) {
                        let words = Set(QAText.words(in: item.title + " " + item.description))
                        #expect(words.isDisjoint(with: literals), "\(row.id): \(item.title) / \(item.description) ∩ \(literals)")
                        let hasDigit = (item.title + item.description).contains { $0.isNumber }
                        #expect(!hasDigit)
                    }
                }
            }
        }
    }

    @Test func wordingVariesBetweenCallsButKeepsTheKeyPhrases() throws {
        let row = try #require(Fixtures.rows.first)
        let family = try #require(skillbook.family(for: row.question))
        var wordings = Set<ExtractedItem>()
        for seed in UInt64(0)..<12 {
            let request = Fixtures.extractionRequest(
                question: row.question, agentResponse: try correctResponse(row), success: true, judgeThoughts: "ok")
            let first = try #require(try items(request, model: SimulatedModel(seed: seed)).first)
            #expect(family.keyPhraseCount(in: first.content) == family.keyPhrases.count)
            wordings.insert(first)
        }
        #expect(wordings.count > 2)
    }

    @Test func respectsMaxItemsAndIsDeterministic() throws {
        let row = try #require(Fixtures.rows.first)
        var request = Fixtures.extractionRequest(
            question: row.question, agentResponse: try correctResponse(row), success: true, judgeThoughts: "ok")
        #expect(model.respond(to: request) == model.respond(to: request))
        request.system = Fixtures.prompts.render(.extractSuccess, ["max_items": "1"])
        #expect(try items(request).count == 1)
    }

    @Test func unknownQuestionsGetGenericItems() throws {
        let request = Fixtures.extractionRequest(
            question: "What is the capital of France?", agentResponse: "Thought: no idea\nAction: answer('I don\\'t know')",
            success: false, judgeThoughts: "No answer.")
        let extracted = try items(request)
        #expect(!extracted.isEmpty)
        for item in extracted {
            #expect(skillbook.familyTaught(by: item) == nil)
            #expect(!item.title.lowercased().contains("france"))
        }
    }
}

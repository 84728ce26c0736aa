import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("Simulated model: agent")
struct SimulatedAgentTests {
    let model = SimulatedModel()
    let skillbook = QASkillbook.standard

    @Test func describesItselfAsASimulation() {
        #expect(model.descriptor == ModelDescriptor(provider: "offline", model: "rbank-sim-1", isSimulation: true))
        #expect(model.description.contains("simulation"))
        #expect(QAPolicy().summary.contains("simulation"))
        #expect(FallbackPolicy().summary.contains("simulation"))
    }

    @Test func withoutMemoryItAnswersNaivelyAtTemperatureZero() throws {
        for row in Fixtures.rows {
            let response = model.respond(to: Fixtures.agentRequest(question: row.question, temperature: 0)).text
            let answer = try #require(Fixtures.answer(in: response), "\(row.id): \(response)")
            let naive = try #require(skillbook.family(for: row.question)?.solve(row.question, using: .naive))
            #expect(answer == naive.answer, "\(row.id)")
        }
    }

    @Test func explorationOnlyAboveTemperatureZero() throws {
        let wrong = Fixtures.rows.filter { !$0.naiveCorrect }
        var explored = 0
        var total = 0
        for seed in UInt64(0)..<6 {
            let model = SimulatedModel(seed: seed)
            for row in wrong {
                let greedy = model.respond(to: Fixtures.agentRequest(question: row.question, temperature: 0)).text
                #expect(Fixtures.answer(in: greedy) != row.answer)
                let sampled = model.respond(to: Fixtures.agentRequest(question: row.question, temperature: 0.7)).text
                if Fixtures.answer(in: sampled) == row.answer { explored += 1 }
                total += 1
            }
        }
        let rate = Double(explored) / Double(total)
        #expect(rate > 0.1 && rate < 0.32, "exploration rate \(rate)")
    }

    @Test func aLessonFromAFailedTaskOfTheSameFamilyTeachesTheCorrectProcedure() throws {
        let rows = Fixtures.rows
        for familyID in Set(rows.map(\.family)).sorted() {
            let members = rows.filter { $0.family == familyID }
            // Find a failed task whose reflection found the correct procedure (probability ~0.7 each).
            var lesson: ExtractedItem?
            for row in members where !row.naiveCorrect {
                let items = Fixtures.failureItems(for: row, model: model)
                if let teaching = items.first(where: { skillbook.familyTaught(by: $0)?.id == familyID }) {
                    lesson = teaching
                    break
                }
            }
            let item = try #require(lesson, "no teaching lesson for \(familyID)")
            let unrelated = try #require(skillbook.families.first { $0.id != familyID }).strategyWording.allItems[0]
            for row in members {
                let request = Fixtures.agentRequest(question: row.question, memories: [unrelated, item], temperature: 0.7)
                let response = model.respond(to: request).text
                #expect(Fixtures.answer(in: response) == row.answer, "\(row.id): \(response)")
                let thought = Fixtures.thought(in: response)
                #expect(thought.contains("Memory item 2 (\"\(item.title)\"): relevant"), "\(row.id): \(thought)")
                #expect(thought.contains("Memory item 1 (\"\(unrelated.title)\"): not relevant"), "\(row.id): \(thought)")
            }
        }
    }

    @Test func itemsThatOnlyDescribeTheNaiveProcedureDoNotHelp() throws {
        for row in Fixtures.rows where !row.naiveCorrect {
            let family = try #require(skillbook.family(for: row.question))
            let naiveItem = family.naiveWording.allItems[0]
            let response = model.respond(to: Fixtures.agentRequest(question: row.question, memories: [naiveItem], temperature: 0)).text
            #expect(Fixtures.answer(in: response) != row.answer)
            #expect(Fixtures.thought(in: response).contains("Memory item 1 (\"\(naiveItem.title)\")"))
        }
    }

    @Test func outputParsesAndIsDeterministic() throws {
        for row in Fixtures.rows.prefix(16) {
            let request = Fixtures.agentRequest(question: row.question, temperature: 0.7)
            let first = model.respond(to: request)
            let second = model.respond(to: request)
            #expect(first == second)
            let output = try ReActParser.parse(first.text).get()
            #expect(output.action.hasPrefix("answer('"))
            #expect(first.usage.calls == 1)
            #expect(first.usage.inputTokens > 0 && first.usage.outputTokens > 0)
        }
    }

    @Test func unknownQuestionsGetIDontKnow() throws {
        for question in ["What is the capital of France?", "Who painted the Mona Lisa?"] {
            let response = model.respond(to: Fixtures.agentRequest(question: question, temperature: 0.7)).text
            #expect(Fixtures.answer(in: response) == "I don't know")
            #expect(Fixtures.thought(in: response).contains("cannot work this question out offline"))
            let output = try ReActParser.parse(response).get()
            #expect(output.action == #"answer('I don\'t know')"#)
        }
    }

    @Test func retriesAfterAnErrorObservation() throws {
        let row = try #require(Fixtures.rows.first)
        let request = Fixtures.agentRequest(
            question: row.question,
            history: [(
                "Thought: hmm\nAction: click('3')",
                "Error: unknown action \"click\". This environment has no such action.\nThe only valid action is answer('text')."
            )], temperature: 0)
        let response = model.respond(to: request).text
        #expect(Fixtures.thought(in: response).contains("previous action was rejected"))
        #expect(Fixtures.answer(in: response) != nil)
    }

    @Test func missingTaskLabelDegradesGracefully() throws {
        let request = ModelRequest(
            purpose: .agent, system: "Use answer('text').", messages: [ChatMessage(role: .user, content: "no labels here")],
            temperature: 0, maxTokens: 100)
        let response = model.respond(to: request).text
        #expect(Fixtures.thought(in: response).contains("cannot find the task"))
        #expect(Fixtures.answer(in: response) == "I don't know")
    }

    @Test func unknownEnvironmentFallsBackToAGiveUpAction() throws {
        let row = try #require(Fixtures.rows.first)
        let request = Fixtures.agentRequest(question: row.question, guide: "Actions: click(bid), send_msg_to_user(text)")
        let output = try ReActParser.parse(model.respond(to: request).text).get()
        #expect(output.action == #"send_msg_to_user('I don\'t know')"#)
    }

    @Test func differentSeedsCanDifferButEachIsReproducible() {
        let request = Fixtures.agentRequest(question: Fixtures.rows[0].question, temperature: 0.7)
        let answers = (UInt64(0)..<40).map { SimulatedModel(seed: $0).respond(to: request).text }
        #expect(Set(answers).count > 1)
        #expect(answers == (UInt64(0)..<40).map { SimulatedModel(seed: $0).respond(to: request).text })
    }
}

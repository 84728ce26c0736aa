import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("Simulated model: garbage in, well-formed out")
struct SimulatedModelRobustnessTests {
    static func garbage(_ generator: inout SplitMix64) -> String {
        let pieces = [
            "Task:", "Observation:", "User Intent:", "Bot response to the user:", "**Query:**", "**Trajectory:**",
            "# Memory Item", "## Title", "## Content", "<think>", "</action>", "<action>", "answer('", "'", "\"", "\\",
            "\n", " ", "N/A", "Status:", "é", "🙂", "\u{0}", "How many", "letter", "'r'", "word", "What is", "3 + 4 * 2",
            "from 0 to 5 percent", "February 30", "alphabetical", ":", "at most 99", "((", ")", "x", "#",
        ]
        let length = generator.nextIndex(below: 40)
        var text = ""
        for _ in 0..<length {
            if generator.nextIndex(below: 3) == 0 {
                text.append(Character(Unicode.Scalar(UInt8(generator.nextIndex(below: 95) + 32))))
            } else {
                text += pieces[generator.nextIndex(below: pieces.count)]
            }
        }
        return text
    }

    @Test func neverCrashesAndAlwaysAnswersInFormat() throws {
        var generator = SplitMix64(seed: 42)
        let model = SimulatedModel(seed: 7)
        for round in 0..<400 {
            let purpose = ModelPurpose.allCases[round % ModelPurpose.allCases.count]
            var messages: [ChatMessage] = []
            for index in 0..<generator.nextIndex(below: 4) {
                messages.append(ChatMessage(role: index % 2 == 0 ? .user : .assistant, content: Self.garbage(&generator)))
            }
            let temperature = [0, 0.7, 1, -1, .nan, .infinity][generator.nextIndex(below: 6)]
            let request = ModelRequest(
                purpose: purpose, system: Self.garbage(&generator), messages: messages, temperature: temperature,
                maxTokens: 4096)
            let text = model.respond(to: request).text
            switch purpose {
            case .agent:
                #expect((try? ReActParser.parse(text).get()) != nil, "\(text)")
            case .judge:
                #expect((try? VerdictParser.parse(text).get()) != nil, "\(text)")
            case .extractSuccess, .extractFailure:
                #expect((try? MemoryItemParser.parse(text).get()) != nil, "\(text)")
            case .induceWorkflow:
                // Garbage has no usable steps: a workflow, or a plain statement that there is none.
                #expect((try? MemoryItemParser.parse(text).get()) != nil || text.contains("no workflow"), "\(text)")
            case .extractContrast, .extractRefinement:
                // Garbage has no labelled trajectories: items, or a plain statement that there are none.
                #expect(
                    (try? MemoryItemParser.parse(text).get()) != nil || text.contains("nothing to extract")
                        || text.contains("No transferable insight"), "\(text)")
            case .selectBest:
                #expect((try? SelectionParser.parse(text, candidates: 1).get()) != nil, "\(text)")
            }
        }
    }

    @Test func realPromptsWithGarbageValuesStillWork() throws {
        var generator = SplitMix64(seed: 9)
        let model = SimulatedModel()
        for _ in 0..<100 {
            let question = Self.garbage(&generator)
            let agent = model.respond(to: Fixtures.agentRequest(question: question)).text
            #expect((try? ReActParser.parse(agent).get()) != nil)
            let judge = model.respond(to: Fixtures.judgeRequest(question: question, answer: Self.garbage(&generator))).text
            #expect((try? VerdictParser.parse(judge).get()) != nil)
            let extraction = Fixtures.extractionRequest(
                question: question, agentResponse: agent, success: generator.nextIndex(below: 2) == 0,
                judgeThoughts: Self.garbage(&generator))
            #expect((try? MemoryItemParser.parse(model.respond(to: extraction).text).get()) != nil)
        }
    }
}

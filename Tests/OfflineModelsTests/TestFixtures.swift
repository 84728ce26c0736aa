import Foundation
import ReasoningBank
@testable import OfflineModels

/// One line of data/tasks/qa.jsonl, as the tests read it.
struct QARow: Decodable, Sendable {
    var id: String
    var family: String
    var question: String
    var answer: String
    var aliases: [String]
    var naiveCorrect: Bool

    enum CodingKeys: String, CodingKey {
        case id, family, question, answer, aliases
        case naiveCorrect = "naive_correct"
    }
}

enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let rows: [QARow] = {
        let url = repositoryRoot.appendingPathComponent("data/tasks/qa.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { try? JSONDecoder().decode(QARow.self, from: Data($0.utf8)) }
    }()

    static let prompts: PromptSet = {
        let folder = repositoryRoot.appendingPathComponent("data/prompts/default")
        var templates: [PromptFile: String] = [:]
        for file in PromptFile.allCases {
            templates[file] = (try? String(contentsOf: folder.appendingPathComponent(file.rawValue), encoding: .utf8)) ?? ""
        }
        let info = PromptSetInfo(name: "default", location: folder.path, fileHashes: [:])
        // The default set is valid; fall back to bare templates if it ever is not, so tests fail loudly elsewhere.
        return (try? PromptSet(info: info, templates: templates)) ?? (try! PromptSet(info: info, templates: Self.bare))
    }()

    static let bare: [PromptFile: String] = Dictionary(
        uniqueKeysWithValues: PromptFile.allCases.map { file in
            (file, file.requiredPlaceholders.map { "{{\($0)}}" }.joined(separator: "\n"))
        })

    /// The QA world's action guide text (kept in step with Environments' `QAWorld.guide`).
    static let qaGuide = """
        Action syntax: a function call with quoted string arguments, in the BrowserGym style.
        This environment has exactly one action:
        answer('text')    Give your final answer to the user. This ends the task.
        """

    static func resetObservation(_ question: String) -> String {
        "Question: \(question)\n\nAnswer it with answer('your answer'), giving only the final value.\nValid actions: answer('text')"
    }

    /// An agent request built as the loop builds it.
    static func agentRequest(
        question: String, memories: [ExtractedItem] = [], history: [(response: String, observation: String)] = [],
        temperature: Double = 0.7, guide: String = qaGuide
    ) -> ModelRequest {
        var system = prompts.render(.agentSystem, ["action_guide": guide])
        if !memories.isEmpty {
            let rendered = memories.enumerated().map { $0.element.markdown(index: $0.offset + 1) }
            system += prompts.render(.memoryInjection, ["memories": rendered.joined(separator: "\n\n")])
        }
        var messages = [
            ChatMessage(role: .user, content: prompts.render(.agentTask, ["query": question, "observation": resetObservation(question)]))
        ]
        for step in history {
            messages.append(ChatMessage(role: .assistant, content: step.response))
            messages.append(ChatMessage(role: .user, content: prompts.render(.agentObservation, ["observation": step.observation])))
        }
        return ModelRequest(purpose: .agent, system: system, messages: messages, temperature: temperature, maxTokens: 1024)
    }

    /// A judge request built as the loop builds it.
    static func judgeRequest(question: String, answer: String?) -> ModelRequest {
        let history = answer.map { "1. answer('\($0)')" } ?? ""
        let state = "Question: \(question)\n" + (answer.map { "The agent answered: \($0)" } ?? "No answer was given.")
        let user = prompts.render(
            .judgeUser, ["query": question, "action_history": history, "final_state": state, "response": answer ?? "N/A"])
        return ModelRequest(
            purpose: .judge, system: prompts.render(.judgeSystem, [:]), messages: [ChatMessage(role: .user, content: user)],
            temperature: 0, maxTokens: 512)
    }

    /// An extraction request for a one-step trajectory, built as the loop builds it.
    static func extractionRequest(
        question: String, agentResponse: String, success: Bool, judgeThoughts: String, temperature: Double = 1.0
    ) -> ModelRequest {
        let parsed = (try? ReActParser.parse(agentResponse).get()) ?? ReActOutput(thought: "", action: "")
        let trajectory = "<think>\(parsed.thought)</think>\n<action>\(parsed.action)</action>\n<observation>Answer recorded.</observation>"
        let user = prompts.render(
            .extractUser,
            ["query": question, "trajectory": trajectory, "outcome": success ? "succeeded" : "failed", "judge_thoughts": judgeThoughts])
        let system = prompts.render(success ? .extractSuccess : .extractFailure, ["max_items": "3"])
        return ModelRequest(
            purpose: success ? .extractSuccess : .extractFailure, system: system,
            messages: [ChatMessage(role: .user, content: user)], temperature: temperature, maxTokens: 2048)
    }

    /// The agent's action argument (the answer) from a response.
    static func answer(in response: String) -> String? {
        guard case .success(let output) = ReActParser.parse(response),
            case .success(let call) = ActionCallParser.parse(output.action), call.name == "answer",
            call.arguments.count == 1
        else { return nil }
        return call.arguments[0]
    }

    static func thought(in response: String) -> String {
        (try? ReActParser.parse(response).get())?.thought ?? ""
    }

    /// Runs the simulated extractor on a naive failure of `row` and returns its items.
    static func failureItems(for row: QARow, model: SimulatedModel) -> [ExtractedItem] {
        let agent = model.respond(to: agentRequest(question: row.question, temperature: 0)).text
        let extraction = extractionRequest(
            question: row.question, agentResponse: agent, success: false, judgeThoughts: "The answer does not match.")
        return (try? MemoryItemParser.parse(model.respond(to: extraction).text).get()) ?? []
    }
}

import Foundation

/// The ReAct agent: asks the model for a thought and an action, acts, observes, until done or out of steps.
struct Agent: Sendable {
    var caller: ModelCaller
    var prompts: PromptSet
    var settings: LoopSettings
    var gates: GateKeeper
    var actionGuide: String

    /// The system prompt, with the injection preamble and the memories when there are any (reference §1.6).
    func systemPrompt(memories: [MemoryItem]) -> String {
        var system = prompts.render(.agentSystem, ["action_guide": actionGuide])
        if !memories.isEmpty {
            let rendered = memories.enumerated().map { $0.element.fields.markdown(index: $0.offset + 1) }
            system += prompts.render(.memoryInjection, ["memories": rendered.joined(separator: "\n\n")])
        }
        return system
    }

    /// Runs the episode; steps are appended to `record` as they happen. Returns the conversation, ending
    /// with the agent's last response (or the last observation when it ran out of steps).
    ///
    /// `earlier` continues an earlier attempt's conversation (sequential MaTTS) and `opening` is the
    /// template of this attempt's first user turn (`agent_task.md`, or a check prompt).
    @discardableResult
    func act(
        task: TaskSpec, session: any EnvironmentSession, memories: [MemoryItem], record: inout RunRecord,
        earlier: [ChatMessage] = [], opening: PromptFile = .agentTask
    ) async throws -> [ChatMessage] {
        let system = systemPrompt(memories: memories)
        let first = try await environment { try await session.reset() }
        var messages = earlier
        Self.appendUserTurn(
            prompts.render(opening, ["query": task.query, "observation": Self.describe(first)]), to: &messages)
        for index in 1...max(1, settings.maxSteps) {
            let request = ModelRequest(
                purpose: .agent, system: system, messages: messages, temperature: settings.agentTemperature,
                maxTokens: settings.agentMaxTokens)
            let call = try await caller.call(request, step: index, gates: gates, overrides: &record.overrides)
            let step: Step
            var finished = false
            switch ReActParser.parse(call.response) {
            case .success(let output):
                let outcome = try await environment { try await session.step(output.action) }
                step = Step(
                    index: index, thought: output.thought, action: output.action,
                    observation: Self.describe(outcome.observation), call: call)
                if outcome.isDone {
                    record.trajectory.finalAnswer = outcome.answer
                    finished = true
                }
            case .failure(let failure):
                step = Step(
                    index: index, thought: "", action: "",
                    observation: "Your last output could not be parsed (\(failure)). Answer with one line starting "
                        + "\"Thought:\" and one line starting \"Action:\".",
                    parseFailure: failure.description, call: call)
            }
            record.trajectory.steps.append(step)
            caller.emit(.step(step))
            messages.append(ChatMessage(role: .assistant, content: call.response))
            if finished { break }
            messages.append(ChatMessage(role: .user, content: prompts.render(.agentObservation, ["observation": step.observation])))
        }
        record.trajectory.finalState = await session.finalState()
        return messages
    }

    /// Appends a user turn, merged into the last one when that is a user turn too (providers expect
    /// the roles to alternate).
    static func appendUserTurn(_ content: String, to messages: inout [ChatMessage]) {
        if let last = messages.last, last.role == .user {
            messages[messages.count - 1].content = last.content + "\n\n" + content
        } else {
            messages.append(ChatMessage(role: .user, content: content))
        }
    }

    /// An observation as the agent reads it: title and URL when known, the text, valid actions when listed.
    static func describe(_ observation: Observation) -> String {
        var lines: [String] = []
        if let title = observation.title { lines.append("Title: \(title)") }
        if let url = observation.url { lines.append("URL: \(url)") }
        lines.append(observation.text)
        if let actions = observation.validActions, !actions.isEmpty {
            lines.append("Valid actions: " + actions.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private func environment<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw LoopError.wrap(error, as: LoopError.environment) }
    }
}

import Foundation

/// LLM-as-a-judge: decides success or failure from the intent, the actions, the final state and the answer.
struct Judge: Sendable {
    var caller: ModelCaller
    var prompts: PromptSet
    var settings: LoopSettings
    var gates: GateKeeper

    func judge(task: TaskSpec, trajectory: Trajectory, record: inout RunRecord) async throws -> Verdict {
        let request = ModelRequest(
            purpose: .judge, system: prompts.render(.judgeSystem, [:]),
            messages: [
                ChatMessage(
                    role: .user,
                    content: prompts.render(.judgeUser, [
                        "query": task.query,
                        "action_history": trajectory.actionHistory.isEmpty ? "(no actions)" : trajectory.actionHistory,
                        "final_state": trajectory.finalState,
                        "response": trajectory.finalAnswer ?? "N/A",
                    ]))
            ],
            temperature: settings.judgeTemperature, maxTokens: settings.judgeMaxTokens)
        let call = try await caller.call(request, step: 0, gates: gates, overrides: &record.overrides)
        record.auxiliaryCalls.append(call)
        switch VerdictParser.parse(call.response) {
        case .success(let parsed):
            return Verdict(status: parsed.status, thoughts: parsed.thoughts, rawResponse: call.response)
        case .failure(let failure):
            return Verdict(status: nil, thoughts: "", rawResponse: call.response, parseFailure: failure.description)
        }
    }
}

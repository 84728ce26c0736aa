import Foundation

/// Distils memory items from a judged trajectory with the success or failure prompt (reference §1.4).
struct Extractor: Sendable {
    var caller: ModelCaller
    var prompts: PromptSet
    var settings: LoopSettings
    var gates: GateKeeper

    /// Items to store; empty when the mode stores nothing, the verdict is unknown, or the output does not parse.
    func extract(task: TaskSpec, trajectory: Trajectory, verdict: Verdict, record: inout RunRecord) async throws
        -> [ExtractedItem]
    {
        guard settings.memoryMode == .reasoningbank, let status = verdict.status else { return [] }
        if status == .failure && !settings.extractFromFailures { return [] }
        let limit = max(1, settings.maxItemsPerTrajectory)
        let request = ModelRequest(
            purpose: status == .success ? .extractSuccess : .extractFailure,
            system: prompts.render(status == .success ? .extractSuccess : .extractFailure, ["max_items": String(limit)]),
            messages: [
                ChatMessage(
                    role: .user,
                    content: prompts.render(.extractUser, [
                        "query": task.query,
                        "trajectory": trajectory.transcript,
                        "outcome": status == .success ? "succeeded" : "failed",
                        "judge_thoughts": verdict.thoughts.isEmpty ? "(none given)" : verdict.thoughts,
                    ]))
            ],
            temperature: settings.extractorTemperature, maxTokens: settings.extractorMaxTokens)
        let call = try await caller.call(request, step: 0, gates: gates, overrides: &record.overrides)
        record.auxiliaryCalls.append(call)
        switch MemoryItemParser.parse(call.response) {
        case .success(let items): return Array(items.prefix(limit))
        case .failure: return []
        }
    }
}

import Foundation

/// Turns a judged trajectory into memory items, as the memory mode prescribes (reference §1.1, §1.4):
/// ReasoningBank distils strategies from successes and lessons from failures; Synapse keeps a
/// successful trajectory whole as an exemplar; AWM induces workflows from successes.
struct Extractor: Sendable {
    var caller: ModelCaller
    var prompts: PromptSet
    var settings: LoopSettings
    var gates: GateKeeper

    /// Items to store; empty when the mode stores nothing for this verdict, the verdict is unknown,
    /// or the model's output does not parse.
    func extract(task: TaskSpec, trajectory: Trajectory, verdict: Verdict, record: inout RunRecord) async throws
        -> [ExtractedItem]
    {
        guard let status = verdict.status else { return [] }
        let limit = max(1, settings.maxItemsPerTrajectory)
        switch settings.memoryMode {
        case .none:
            return []
        case .synapse:
            guard status == .success, !trajectory.steps.isEmpty else { return [] }
            return [
                ExtractedItem(
                    title: "Exemplar: a successful trajectory for a similar task",
                    description: "Task: \(task.query)", content: trajectory.transcript)
            ]
        case .awm:
            guard status == .success else { return [] }
            return try await distil(
                purpose: .induceWorkflow, system: .induceWorkflow, task: task, trajectory: trajectory,
                verdict: verdict, status: status, limit: limit, record: &record)
        case .reasoningbank:
            if status == .failure && !settings.extractFromFailures { return [] }
            return try await distil(
                purpose: status == .success ? .extractSuccess : .extractFailure,
                system: status == .success ? .extractSuccess : .extractFailure, task: task, trajectory: trajectory,
                verdict: verdict, status: status, limit: limit, record: &record)
        }
    }

    /// Asks the model for items with the given system prompt and parses at most `limit` of them.
    private func distil(
        purpose: ModelPurpose, system: PromptFile, task: TaskSpec, trajectory: Trajectory, verdict: Verdict,
        status: VerdictStatus, limit: Int, record: inout RunRecord
    ) async throws -> [ExtractedItem] {
        let request = ModelRequest(
            purpose: purpose, system: prompts.render(system, ["max_items": String(limit)]),
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

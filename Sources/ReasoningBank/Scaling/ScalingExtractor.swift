import Foundation

/// Extraction over several trajectories (reference §1.8): self-contrast over the k parallel
/// trajectories, or the lessons of a self-refining agent's successive rounds. Each trajectory is
/// labelled with its verdict; at most `ScalingSettings.maxItems` items from all of them combined.
struct ScalingExtractor: Sendable {
    var caller: ModelCaller
    var prompts: PromptSet
    var settings: LoopSettings
    var scaling: ScalingSettings
    var gates: GateKeeper

    /// The items, the call made (if any) and the gate decisions recorded on the way.
    struct Outcome: Sendable {
        var items: [ExtractedItem]
        var call: ModelCall?
        var overrides: [GateOverride] = []
    }

    /// Items to store from `attempts` (the finished ones). Nothing without memory, when no attempt was
    /// judged, or (with failures not extracted) when none succeeded.
    func extract(task: TaskSpec, attempts: [ScalingAttempt]) async throws -> Outcome {
        let judged = attempts.filter { $0.verdict?.status != nil }
        guard settings.memoryMode != .none, !judged.isEmpty else { return Outcome(items: []) }
        if !settings.extractFromFailures, !judged.contains(where: { $0.verdict?.status == .success }) {
            return Outcome(items: [])
        }
        let limit = max(1, scaling.maxItems)
        let parallel = scaling.mode == .parallel
        let request = ModelRequest(
            purpose: parallel ? .extractContrast : .extractRefinement,
            system: prompts.render(parallel ? .extractContrast : .extractRefinement, ["max_items": String(limit)]),
            messages: [
                ChatMessage(
                    role: .user,
                    content: prompts.render(.scalingUser, [
                        "query": task.query, "trajectories": Self.labelled(attempts, mode: scaling.mode),
                    ]))
            ],
            temperature: scaling.extractionTemperature, maxTokens: settings.extractorMaxTokens)
        var overrides: [GateOverride] = []
        let call = try await caller.call(request, step: 0, gates: gates, overrides: &overrides)
        switch MemoryItemParser.parse(call.response) {
        case .success(let items): return Outcome(items: Array(items.prefix(limit)), call: call, overrides: overrides)
        case .failure: return Outcome(items: [], call: call, overrides: overrides)
        }
    }

    /// Each trajectory under a heading that carries its verdict, in the extraction transcript format.
    static func labelled(_ attempts: [ScalingAttempt], mode: ScalingMode) -> String {
        attempts.map { attempt in
            let name = mode == .parallel ? "Trajectory \(attempt.index + 1)" : "Attempt \(attempt.index + 1)"
            let verdict: String
            switch attempt.verdict?.status {
            case .success: verdict = "judged: success"
            case .failure: verdict = "judged: failure"
            case nil: verdict = "not judged: the judge's answer could not be parsed"
            }
            var text = "## \(name) (\(verdict))\n" + attempt.trajectory.transcript
            text += "\n<final_answer>\(attempt.trajectory.finalAnswer ?? "N/A")</final_answer>"
            if let thoughts = attempt.verdict?.thoughts, !thoughts.isEmpty {
                text += "\n**Judge's assessment:** " + thoughts
            }
            return text
        }.joined(separator: "\n\n")
    }
}

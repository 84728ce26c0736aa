import Foundation

/// Best-of-N with the backbone model as selector (paper App. A.3): the model compares the finished
/// trajectories, without their verdicts, and picks the one whose answer becomes final.
struct BestOfNSelector: Sendable {
    var caller: ModelCaller
    var prompts: PromptSet
    var settings: ScalingSettings
    var gates: GateKeeper

    /// The decision, the call made (if any) and the gate decisions recorded on the way.
    struct Outcome: Sendable {
        var selection: BestOfNSelection
        var call: ModelCall?
        var overrides: [GateOverride] = []
    }

    /// Chooses among `attempts` (the finished ones, at least one). When only one attempt finished there
    /// is nothing to compare and no call is made; when the answer does not parse, the first attempt the
    /// judge accepted is chosen (else the first).
    func select(task: TaskSpec, among attempts: [ScalingAttempt]) async throws -> Outcome {
        guard let first = attempts.first else {
            throw ScalingError.nothingToSelect
        }
        if attempts.count == 1 {
            return Outcome(
                selection: BestOfNSelection(
                    chosenIndex: first.index,
                    reason: "Only \(first.label(.parallel)) ran to an end, so there was nothing to compare.", byModel: false))
        }
        let request = ModelRequest(
            purpose: .selectBest, system: prompts.render(.selectBest, ["count": String(attempts.count)]),
            messages: [
                ChatMessage(
                    role: .user,
                    content: prompts.render(.scalingUser, [
                        "query": task.query, "trajectories": Self.candidates(attempts),
                    ]))
            ],
            temperature: settings.selectorTemperature, maxTokens: settings.selectorMaxTokens)
        var overrides: [GateOverride] = []
        let call = try await caller.call(request, step: 0, gates: gates, overrides: &overrides)
        switch SelectionParser.parse(call.response, candidates: attempts.count) {
        case .success(let parsed):
            let chosen = attempts[parsed.index]
            return Outcome(
                selection: BestOfNSelection(
                    chosenIndex: chosen.index, reason: parsed.thoughts, rawResponse: call.response, byModel: true),
                call: call, overrides: overrides)
        case .failure(let failure):
            let fallback = attempts.first { $0.verdict?.status == .success } ?? first
            let why =
                fallback.verdict?.status == .success
                ? "the first trajectory the judge accepted" : "the first trajectory that ran to an end"
            return Outcome(
                selection: BestOfNSelection(
                    chosenIndex: fallback.index,
                    reason: "The selector's answer could not be parsed (\(failure)); fell back to \(why).",
                    rawResponse: call.response, parseFailure: failure.description, byModel: false),
                call: call, overrides: overrides)
        }
    }

    /// The candidates as the selector sees them: numbered 1…n in order, with actions, final state and
    /// response, and no verdict.
    static func candidates(_ attempts: [ScalingAttempt]) -> String {
        attempts.enumerated().map { number, attempt in
            let trajectory = attempt.trajectory
            return """
                ## Candidate \(number + 1)
                Action History:
                \(trajectory.actionHistory.isEmpty ? "(no actions)" : trajectory.actionHistory)

                The detailed final state of the environment:
                ```md
                \(trajectory.finalState)
                ```

                Response to the user: \(trajectory.finalAnswer ?? "N/A")
                """
        }.joined(separator: "\n\n")
    }
}

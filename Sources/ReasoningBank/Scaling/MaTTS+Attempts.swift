import Foundation

/// The attempts of a MaTTS run: k concurrent trajectories, or k rounds of one.
extension MaTTS {
    /// k trajectories at once, each in its own environment instance and with its own model sample.
    /// One that breaks is recorded as `error` and the others go on. Cancelled, it returns what it has.
    func parallelAttempts(
        _ task: TaskSpec, memories: [MemoryItem], base: RunRecord, emit: @escaping @Sendable (RunEvent) -> Void
    ) async -> [ScalingAttempt] {
        let attempts = await withTaskGroup(of: ScalingAttempt.self) { group in
            for index in 0..<scaling.k {
                group.addTask {
                    await attempt(index, task: task, memories: memories, base: base, emit: emit).attempt
                }
            }
            var attempts: [ScalingAttempt] = []
            for await attempt in group { attempts.append(attempt) }
            return attempts.sorted { $0.index < $1.index }
        }
        return attempts
    }

    /// One trajectory refined over k rounds: each round continues the conversation with a check prompt
    /// (`check_first.md`, then `check_again.md`) in a fresh instance of the task, since an episode ends
    /// at the answer. A round that breaks ends the refinement; the rounds before it stand. Cancelled,
    /// it returns the rounds it has.
    func sequentialAttempts(
        _ task: TaskSpec, memories: [MemoryItem], base: RunRecord, emit: @escaping @Sendable (RunEvent) -> Void
    ) async -> [ScalingAttempt] {
        var attempts: [ScalingAttempt] = []
        var conversation: [ChatMessage] = []
        for round in 0..<scaling.k {
            let opening: PromptFile = round == 0 ? .agentTask : round == 1 ? .checkFirst : .checkAgain
            let (attempt, continued) = await attempt(
                round, task: task, memories: memories, base: base, earlier: conversation, opening: opening, emit: emit)
            attempts.append(attempt)
            if Task.isCancelled { break }
            guard attempt.finished, let continued else { break }
            conversation = continued
        }
        return attempts
    }

    /// Acts and judges one attempt, unattended, reporting its events wrapped in `.attempt(index, …)`.
    /// Never throws: a failure is the attempt's `error` status, a cancellation its `cancelled` status.
    func attempt(
        _ index: Int, task: TaskSpec, memories: [MemoryItem], base: RunRecord, earlier: [ChatMessage] = [],
        opening: PromptFile = .agentTask, emit: @escaping @Sendable (RunEvent) -> Void
    ) async -> (attempt: ScalingAttempt, conversation: [ChatMessage]?) {
        let scoped: @Sendable (RunEvent) -> Void = { emit(.attempt(index, $0)) }
        let gates = GateKeeper(control: UnattendedControl(), clock: loop.clock)
        var scratch = base
        scratch.trajectory = Trajectory()
        scratch.auxiliaryCalls = []
        var attempt = ScalingAttempt(index: index)
        var conversation: [ChatMessage]?
        do {
            let agent = loop.makeAgent(model: loop.models.agent.sampled(index), gates: gates, emit: scoped)
            conversation = try await loop.act(
                task, agent: agent, memories: memories, record: &scratch, earlier: earlier, opening: opening)
            let verdict = try await loop.judge(task, record: &scratch, gates: gates, emit: scoped)
            scoped(.judged(verdict, scratch.groundTruth))
            attempt.verdict = verdict
            attempt.status = verdict.status.map { $0 == .success ? .success : .failure } ?? .unjudged
        } catch is CancellationError {
            attempt.status = .cancelled
            attempt.errorMessage = "The attempt was cancelled."
        } catch {
            attempt.status = .error
            attempt.errorMessage = String(describing: error)
        }
        attempt.trajectory = scratch.trajectory
        attempt.groundTruth = scratch.groundTruth
        attempt.judgeCalls = scratch.auxiliaryCalls
        emit(.attemptEnded(attempt))
        return (attempt, attempt.finished ? conversation : nil)
    }
}

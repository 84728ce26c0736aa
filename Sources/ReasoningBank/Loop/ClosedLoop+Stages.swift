import Foundation

/// The stages of the loop that a plain run and a MaTTS run share.
extension ClosedLoop {
    /// Retrieves memories for `task` and asks the injection gate; records and reports what was injected.
    /// The query is embedded even without memory, so the experience can be found later.
    func retrieve(
        _ task: TaskSpec, record: inout RunRecord, gates: GateKeeper, emit: @escaping @Sendable (RunEvent) -> Void
    ) async throws -> (memories: [MemoryItem], retrieval: RetrievalResult) {
        let retriever = Retriever(settings: settings.retrieval, embedder: embedder)
        let retrieval: RetrievalResult
        do {
            retrieval = settings.memoryMode == .none
                ? try await retriever.retrieve(query: task.query, taskID: task.id, from: [Experience]())
                : try await retriever.retrieve(query: task.query, taskID: task.id, from: store)
        } catch {
            throw LoopError.wrap(error, as: LoopError.embedder)
        }
        var memories = retrieval.items
        if settings.memoryMode != .none {
            if case .injectInstead(let chosen) = try await gates.ask(
                .beforeInjection(task: task, memories: memories), overrides: &record.overrides)
            {
                memories = chosen
            }
        }
        record.retrieval = RetrievalLog(
            hits: retrieval.hits, injectedItemIDs: memories.map(\.id),
            excludedByLeakageGuard: retrieval.excludedByLeakageGuard)
        emit(.retrieved(record.retrieval, injected: memories))
        return (memories, retrieval)
    }

    /// The agent, played by `model` (the configured agent, or one of its MaTTS samples).
    func makeAgent(model: any LanguageModel, gates: GateKeeper, emit: @escaping @Sendable (RunEvent) -> Void) -> Agent {
        Agent(
            caller: ModelCaller(model: model, emit: emit), prompts: prompts, settings: settings, gates: gates,
            actionGuide: environment.actionGuide)
    }

    /// Judges `record.trajectory`, unless a person sets the verdict at the gate.
    func judge(
        _ task: TaskSpec, record: inout RunRecord, gates: GateKeeper, emit: @escaping @Sendable (RunEvent) -> Void
    ) async throws -> Verdict {
        if case .overrideVerdict(let status) = try await gates.ask(
            .beforeJudging(record.trajectory), overrides: &record.overrides)
        {
            return Verdict(status: status, thoughts: "Set by a person at the gate.", rawResponse: "")
        }
        let judge = Judge(
            caller: ModelCaller(model: models.judge, emit: emit), prompts: prompts, settings: settings, gates: gates)
        return try await judge.judge(task: task, trajectory: record.trajectory, record: &record)
    }

    /// Asks the consolidation gate, then stores the items as one experience and sets the run's status.
    /// A verdict flipped at the gate becomes the run's verdict, and its items are stored under it.
    func consolidate(
        _ extracted: [ExtractedItem], verdict: Verdict, record: inout RunRecord, queryEmbedding: [Float],
        gates: GateKeeper, emit: @escaping @Sendable (RunEvent) -> Void, source: ItemSource? = nil
    ) async throws {
        var items = extracted
        var verdict = verdict
        if !items.isEmpty {
            switch try await gates.ask(.beforeConsolidation(verdict: verdict, items: items), overrides: &record.overrides) {
            case .consolidateInstead(let chosen): items = chosen
            case .skipConsolidation: items = []
            case .overrideVerdict(let status) where status != verdict.status:
                verdict.overriddenFrom = verdict.status
                verdict.status = status
                record.verdict = verdict
                emit(.judged(verdict, record.groundTruth))
            default: break
            }
        }
        if !items.isEmpty {
            let experience = try await Consolidator(store: store, clock: clock).consolidate(
                items: items, record: record, outcome: verdict.status, queryEmbedding: queryEmbedding,
                embedderName: embedder.name, source: source)
            record.experienceID = experience.id
            record.storedItemIDs = experience.items.map(\.id)
            emit(.consolidated(experience))
        }
        record.status = verdict.status.map { $0 == .success ? .success : .failure } ?? .unjudged
    }
}

import Foundation
import ReasoningBank

extension ShopPolicy {
    public func act(on prompt: AgentPrompt, dice: inout SimulationDice) -> String {
        var thought: [String] = []
        guard let query = prompt.task, let intent = ShopIntent(query) else {
            thought += discussion(of: prompt.memories, intent: nil, noticed: prompt.memories.map { _ in true })
            thought.append("I cannot work this task out offline: this simulation does not know this kind of shop task, so I will say so.")
            return Self.reAct(thought: thought.joined(separator: "\n"), action: "send_msg_to_user(" + PromptText.quotedArgument("I don't know") + ")")
        }
        var lucky: Set<ShopProcedure> = []
        for procedure in ShopProcedure.allCases where dice.competent(explorationRate[procedure] ?? 0) {
            lucky.insert(procedure)
        }
        var budget = 2
        for _ in 0..<3 where dice.competent(0.5) { budget += 1 }
        // A whole trajectory is long and specific: its procedure is picked out only some of the time.
        let noticed = prompt.memories.map { item in
            !Self.isExemplar(item) || dice.competent(exemplarUptake)
        }
        let taught = prompt.memories.map { ShopProcedure.allTaught(by: $0, threshold: relevanceThreshold) }
        var known: Set<ShopProcedure> = []
        for (procedures, seen) in zip(taught, noticed) where seen { known.formUnion(procedures) }
        known.formIntersection(intent.procedures)
        thought += discussion(of: prompt.memories, intent: intent, noticed: noticed, taught: taught)
        // Re-examining an earlier round: the procedures it followed are kept from the start.
        var carried: Set<ShopProcedure> = []
        if prompt.round > 1 {
            carried = Set(
                ShopProcedure.allTaught(
                    by: ExtractedItem(title: "", description: "", content: prompt.earlierThoughts),
                    threshold: relevanceThreshold)
            ).intersection(intent.procedures)
            if prompt.step == 1 {
                thought.append(
                    carried.isEmpty
                        ? "Re-examining my previous attempt: I followed no particular procedure there, so I will look more carefully this time."
                        : "Re-examining my previous attempt: I keep what it did right and carry out the task again.")
            }
            known.formUnion(carried)
        }
        let view = ShopView(prompt.latestObservation)
        if prompt.latestObservationIsError, let line = view.error,
            !line.contains("choose an option"), !line.contains("required fields")
        {
            thought.append("The previous action was rejected (\(PromptText.oneLine(line))); I will pick a valid element from this page.")
        }
        let trail = ShopTrail(previousResponses: prompt.previousResponses)
        if prompt.step >= Self.lastStep {
            thought.append("I have used almost all my steps, so I will report to the user now.")
            return Self.reAct(
                thought: thought.joined(separator: "\n"),
                action: "send_msg_to_user(" + PromptText.quotedArgument(Self.runOutMessage(intent)) + ")")
        }
        let planner = ShopPlanner(
            intent: intent, view: view, trail: trail, known: known, lucky: lucky, detourBudget: budget,
            detourVariant: dice.variant(3), carried: carried)
        let move = planner.next()
        thought.append(move.thought)
        return Self.reAct(thought: thought.joined(separator: "\n"), action: move.action)
    }

    /// One line per memory item: whether it is relevant and why, as the injection preamble asks.
    func discussion(
        of memories: [ExtractedItem], intent: ShopIntent?, noticed: [Bool], taught known: [[ShopProcedure]]? = nil
    ) -> [String] {
        // A procedure's method is spelled out once; later items teaching it refer back.
        var explained: [ShopProcedure: Int] = [:]
        return memories.enumerated().map { offset, item in
            let title = PromptText.oneLine(item.title)
            let label = "Memory item \(offset + 1) (\"\(title.count > 90 ? String(title.prefix(90)) + "…" : title)\")"
            let taught =
                known.flatMap { offset < $0.count ? $0[offset] : nil }
                ?? ShopProcedure.allTaught(by: item, threshold: relevanceThreshold)
            guard let intent else {
                return "\(label): not relevant, because I do not recognise this task, so no stored procedure applies."
            }
            if offset < noticed.count, !noticed[offset] {
                return "\(label): an earlier trajectory for another task; I do not see in it a step that carries over to this one, so I will not rely on it."
            }
            if let useful = taught.first(where: { intent.procedures.contains($0) }) {
                if let earlier = explained[useful] {
                    return "\(label): relevant too; it describes the same procedure as memory item \(earlier + 1)."
                }
                explained[useful] = offset
                return "\(label): relevant, because it describes \(useful.topic): \(useful.method). I will use it."
            }
            if let other = taught.first {
                return "\(label): not relevant, because it is about \(other.topic), which this task does not need."
            }
            return "\(label): not relevant, because it does not describe a procedure I can apply to \(intent.topic)."
        }
    }

    /// Whether `item` is a whole trajectory (a Synapse-style exemplar) rather than a distilled item.
    static func isExemplar(_ item: ExtractedItem) -> Bool {
        item.content.range(of: "<think>", options: .caseInsensitive) != nil
    }

    static func runOutMessage(_ intent: ShopIntent) -> String {
        intent.isInformationSeeking ? "I could not find the information you asked for." : "I could not complete the task."
    }
}

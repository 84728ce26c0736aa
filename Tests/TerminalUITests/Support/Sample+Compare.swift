import Foundation
import ReasoningBank

@testable import TerminalUI

/// Sample MaTTS runs and a memory comparison, for the Compare screen's reducer tests and snapshots.
extension Sample {
    /// A step that opens the wrong product: the listing was never sorted.
    static let wrongStep = Step(
        index: 2, thought: "The listing is in the featured order.\nThe first product looks popular, so I open it.", action: "click('16')",
        observation: "Title: Kestrel Body Lotion\nURL: http://shop.local/product/kestrel-body-lotion\nheading 'Kestrel Body Lotion'",
        call: call("Thought: …\nAction: click('16')"))

    /// `send_msg_to_user('Done')` as step `index`.
    static func doneStep(_ index: Int) -> Step {
        Step(
            index: index, thought: "The page of the best-rated product is open. I tell the user.", action: "send_msg_to_user('Done')",
            observation: "Message sent to the user: Done\nThe task is complete.", call: call("Thought: …\nAction: send_msg_to_user('Done')"))
    }

    /// `step` as step `index` of another trajectory.
    static func renumbered(_ step: Step, _ index: Int) -> Step {
        var copy = step
        copy.index = index
        return copy
    }

    static let wrongTruth = GroundTruth(success: false, expected: "http://shop.local/product/ivory-pro-nail-kit", detail: "opened another page")
    static let failureVerdict = Verdict(
        status: .failure, thoughts: "The agent opened a product without sorting the listing by rating.", rawResponse: "Thoughts: …\nStatus: failure")

    /// A MaTTS run's record as it starts.
    static func scalingRecord(_ mode: ScalingMode, k: Int) -> RunRecord {
        var record = record()
        record.id = "r-5c1f0e2d9a7b"
        record.scaling = ScalingLog(mode: mode, k: k)
        return record
    }

    /// The attempts of the sample parallel run: 1 succeeds, 2 opens the wrong product (the judge is
    /// fooled), 3 succeeds in fewer steps.
    static func attempts() -> [ScalingAttempt] {
        var first = ScalingAttempt(index: 0, status: .success)
        first.trajectory = Trajectory(steps: steps + [doneStep(4)], finalAnswer: "Done", finalState: "ivory-pro-nail-kit")
        first.verdict = verdict
        first.groundTruth = truth
        var second = ScalingAttempt(index: 1, status: .success)
        second.trajectory = Trajectory(steps: [steps[0], wrongStep, doneStep(3)], finalAnswer: "Done", finalState: "kestrel-body-lotion")
        second.verdict = verdict
        second.groundTruth = wrongTruth
        var third = ScalingAttempt(index: 2, status: .success)
        third.trajectory = Trajectory(steps: [renumbered(steps[1], 1), doneStep(2)], finalAnswer: "Done", finalState: "ivory-pro-nail-kit")
        third.verdict = verdict
        third.groundTruth = truth
        return [first, second, third]
    }

    static let selection = BestOfNSelection(
        chosenIndex: 2,
        reason: "Candidate 1 looks right (4 actions). Candidate 2 opened Kestrel Body Lotion, which is not the best rated. Candidate 3 looks right (2 actions). Of those that look right, candidate 3 got there with the fewest actions.",
        rawResponse: "Thoughts: …\nBest: 3", byModel: true)

    static let contrastive: [ExtractedItem] = [
        ExtractedItem(
            title: "Sort by rating before opening a product",
            description: "The trajectories that sorted the listing found the best-rated product; the one that trusted the featured order did not.",
            content: "Sort the listing by Rating: high to low, then open the first product."),
        messageItem.fields,
    ]

    static let contrastiveExperience = Experience(
        id: "x-7e2a1c9d0b34", taskID: task.id, query: task.query, queryEmbedding: nil, embeddingModel: "hashing-384", outcome: .success,
        runID: "r-5c1f0e2d9a7b", memoryMode: .reasoningbank,
        items: contrastive.enumerated().map { index, item in
            MemoryItem(
                id: ["m-3b9e0f6a2c71", "m-d40c6e8b1f25"][index], title: item.title, description: item.description, content: item.content,
                provenance: Provenance(
                    experienceID: "x-7e2a1c9d0b34", runID: "r-5c1f0e2d9a7b", taskID: task.id, verdict: .success, source: .selfContrast,
                    createdAt: at(minutes: 2)))
        },
        createdAt: at(minutes: 2))

    /// The sample parallel run, finished: trajectory 3 chosen, pass@1 on trajectory 2.
    static func finishedScalingRecord() -> RunRecord {
        var record = scalingRecord(.parallel, k: 3)
        let attempts = attempts()
        var log = ScalingLog(mode: .parallel, k: 3)
        log.attempts = attempts
        log.chosenIndex = 2
        log.selection = selection
        log.passAtOneIndex = 1
        record.scaling = log
        record.status = .success
        record.retrieval = retrieval
        record.trajectory = attempts[2].trajectory
        record.verdict = verdict
        record.groundTruth = truth
        record.extracted = contrastive
        record.storedItemIDs = contrastiveExperience.items.map(\.id)
        record.experienceID = contrastiveExperience.id
        record.finishedAt = at(minutes: 2)
        return record
    }

    /// The events of the sample parallel run while its trajectories are under way: 3 has ended,
    /// 1 has two steps and streams its third, 2 has one step.
    static func scalingEventsMidStream() -> [RunEvent] {
        let attempts = attempts()
        return [
            .started(scalingRecord(.parallel, k: 3)), .retrieved(retrieval, injected: [sortItem, messageItem]),
            .attempt(0, .step(steps[0])), .attempt(1, .step(steps[0])), .attempt(2, .step(steps[1])),
            .attempt(0, .step(steps[1])), .attempt(2, .step(doneStep(2))), .attempt(2, .judged(verdict, truth)),
            .attemptEnded(attempts[2]),
            .attempt(0, .modelDelta(.agent, "Thought: The first product is now the best rated. ")),
            .attempt(0, .modelDelta(.agent, "I open it.\nAction: cli")),
        ]
    }

    /// Every event of the sample parallel run, to the end.
    static func scalingEventsFinished() -> [RunEvent] {
        let attempts = attempts()
        return scalingEventsMidStream() + [
            .attempt(0, .step(steps[2])), .attempt(0, .step(doneStep(4))), .attempt(0, .judged(verdict, truth)),
            .attemptEnded(attempts[0]),
            .attempt(1, .step(wrongStep)), .attempt(1, .step(doneStep(3))), .attempt(1, .judged(verdict, wrongTruth)),
            .attemptEnded(attempts[1]),
            .selected(selection), .judged(verdict, truth), .extracted(contrastive), .consolidated(contrastiveExperience),
            .finished(finishedScalingRecord()),
        ]
    }

    /// A sequential k=3 run: round 1 fails, round 2 succeeds, round 3 breaks on a model timeout, so
    /// round 2's answer is final.
    static func sequentialEvents() -> [RunEvent] {
        var first = ScalingAttempt(index: 0, status: .failure)
        first.trajectory = Trajectory(steps: [steps[0], wrongStep, doneStep(3)], finalAnswer: "Done")
        first.verdict = failureVerdict
        first.groundTruth = wrongTruth
        var second = ScalingAttempt(index: 1, status: .success)
        second.trajectory = Trajectory(steps: steps + [doneStep(4)], finalAnswer: "Done")
        second.verdict = verdict
        second.groundTruth = truth
        var third = ScalingAttempt(index: 2, status: .error)
        third.trajectory = Trajectory(steps: [steps[0]])
        third.errorMessage = "The model call timed out after 60 s."
        var record = scalingRecord(.sequential, k: 3)
        var log = ScalingLog(mode: .sequential, k: 3)
        log.attempts = [first, second, third]
        log.chosenIndex = 1
        record.scaling = log
        record.status = .success
        record.retrieval = retrieval
        record.trajectory = second.trajectory
        record.verdict = verdict
        record.groundTruth = truth
        record.extracted = [contrastive[0]]
        return [
            .started(scalingRecord(.sequential, k: 3)), .retrieved(retrieval, injected: [sortItem]),
            .attempt(0, .step(steps[0])), .attempt(0, .step(wrongStep)), .attempt(0, .step(doneStep(3))),
            .attempt(0, .judged(failureVerdict, wrongTruth)), .attemptEnded(first),
            .attempt(1, .step(steps[0])), .attempt(1, .step(steps[1])), .attempt(1, .step(steps[2])), .attempt(1, .step(doneStep(4))),
            .attempt(1, .judged(verdict, truth)), .attemptEnded(second),
            .attempt(2, .step(steps[0])), .attemptEnded(third),
            .judged(verdict, truth), .extracted([contrastive[0]]), .finished(record),
        ]
    }

    /// A parallel k=3 run in which trajectory 2 breaks on an environment error; the selector compares
    /// the other two.
    static func erroredAttemptEvents() -> [RunEvent] {
        var attempts = attempts()
        attempts[1] = ScalingAttempt(index: 1, status: .error)
        attempts[1].trajectory = Trajectory(steps: [steps[0]])
        attempts[1].errorMessage = "The environment failed: the shop session closed unexpectedly."
        var record = finishedScalingRecord()
        record.scaling?.attempts = attempts
        record.scaling?.passAtOneIndex = 0
        let selection = BestOfNSelection(
            chosenIndex: 2, reason: "Candidate 2 looks right (2 actions), with fewer actions than candidate 1.", rawResponse: "Best: 2",
            byModel: true)
        record.scaling?.selection = selection
        return [
            .started(scalingRecord(.parallel, k: 3)), .retrieved(retrieval, injected: [sortItem, messageItem]),
            .attempt(1, .step(steps[0])), .attemptEnded(attempts[1]),
            .attempt(0, .step(steps[0])), .attempt(0, .step(steps[1])), .attempt(0, .step(steps[2])), .attempt(0, .step(doneStep(4))),
            .attempt(0, .judged(verdict, truth)), .attemptEnded(attempts[0]),
            .attempt(2, .step(renumbered(steps[1], 1))), .attempt(2, .step(doneStep(2))), .attempt(2, .judged(verdict, truth)), .attemptEnded(attempts[2]),
            .selected(selection), .judged(verdict, truth), .extracted(contrastive), .consolidated(contrastiveExperience), .finished(record),
        ]
    }

    // MARK: Memory vs none

    /// The records of the two sides as they start.
    static func sideRecord(_ side: MemoryComparisonSide) -> RunRecord {
        var record = record()
        record.id = side == .withMemory ? "r-aa01c3e5f7b9" : "r-bb02d4f6a8c0"
        if side == .withoutMemory {
            record.memoryMode = .none
            record.settings.memoryMode = .none
        }
        return record
    }

    /// Both sides to the end: with memory sorts and succeeds and stores two items; without memory
    /// opens the wrong product and stores nothing.
    static func memoryComparisonMessages() -> [AppMessage] {
        var with = sideRecord(.withMemory)
        with.status = .success
        with.retrieval = retrieval
        with.trajectory = Trajectory(steps: steps + [doneStep(4)], finalAnswer: "Done")
        with.verdict = verdict
        with.groundTruth = truth
        with.extracted = extracted
        with.storedItemIDs = experience.items.map(\.id)
        var without = sideRecord(.withoutMemory)
        without.status = .failure
        without.trajectory = Trajectory(steps: [steps[0], wrongStep, doneStep(3)], finalAnswer: "Done")
        without.verdict = failureVerdict
        without.groundTruth = wrongTruth
        let withEvents: [RunEvent] = [
            .started(sideRecord(.withMemory)), .retrieved(retrieval, injected: [sortItem, messageItem]), .step(steps[0]), .step(steps[1]),
            .step(steps[2]), .step(doneStep(4)), .judged(verdict, truth), .extracted(extracted), .consolidated(experience), .finished(with),
        ]
        let withoutEvents: [RunEvent] = [
            .started(sideRecord(.withoutMemory)), .retrieved(RetrievalLog(), injected: []), .step(steps[0]), .step(wrongStep),
            .step(doneStep(3)), .judged(failureVerdict, wrongTruth), .extracted([]), .finished(without),
        ]
        // Interleaved, as two concurrent runs report.
        var messages: [AppMessage] = []
        for index in 0..<max(withEvents.count, withoutEvents.count) {
            if index < withEvents.count { messages.append(.memoryComparison(.withMemory, withEvents[index])) }
            if index < withoutEvents.count { messages.append(.memoryComparison(.withoutMemory, withoutEvents[index])) }
        }
        return messages
    }
}

import Foundation
import ReasoningBank

/// The JSON document `rbank run --json` prints for one run: what it was shown, did, was judged, and stored.
struct RunReport: Encodable {
    struct Model: Encodable {
        var provider: String
        var model: String
        var simulation: Bool
        var note: String?
    }

    struct StepReport: Encodable {
        var index: Int
        var thought: String
        var action: String
        var observation: String
        var parseFailure: String?
        var inputTokens: Int
        var outputTokens: Int
        var latencyMs: Double

        init(_ step: Step) {
            index = step.index
            thought = step.thought
            action = step.action
            observation = step.observation
            parseFailure = step.parseFailure
            inputTokens = step.call.usage.inputTokens
            outputTokens = step.call.usage.outputTokens
            latencyMs = (step.call.latencyMilliseconds * 1000).rounded() / 1000
        }
    }

    struct ItemReport: Encodable {
        var id: String?
        var title: String
        var description: String
        var content: String
    }

    /// One MaTTS attempt: its trajectory, verdict and ground truth.
    struct AttemptReport: Encodable {
        var index: Int
        var status: String
        var trajectory: [StepReport]
        var finalAnswer: String?
        var verdict: Verdict?
        var groundTruth: GroundTruth?
        var usage: Usage
        var error: String?

        init(_ attempt: ScalingAttempt) {
            index = attempt.index
            status = attempt.status.rawValue
            trajectory = attempt.trajectory.steps.map(StepReport.init)
            finalAnswer = attempt.trajectory.finalAnswer
            verdict = attempt.verdict
            groundTruth = attempt.groundTruth
            usage = attempt.usage
            error = attempt.errorMessage
        }
    }

    /// What a MaTTS run did beyond a plain run (`rbank matts --json`).
    struct ScalingReport: Encodable {
        var mode: String
        var k: Int
        /// 0-based, like `attempts[].index`.
        var chosenIndex: Int?
        var selection: BestOfNSelection?
        var passAtOneIndex: Int?
        var passAtOneSuccess: Bool?
        var attempts: [AttemptReport]
    }

    var runId: String
    var status: String
    var task: TaskSpec
    var model: Model
    var embedder: String
    var memoryMode: String
    var promptSet: PromptSetInfo
    var retrieval: RetrievalLog
    var trajectory: [StepReport]
    var finalAnswer: String?
    var verdict: Verdict?
    var groundTruth: GroundTruth?
    var judgeAgreesWithGroundTruth: Bool?
    var extractedItems: [ItemReport]
    var storedItemIds: [String]
    var experienceId: String?
    var usage: Usage
    var overrides: [GateOverride]
    var error: String?
    var startedAt: Date
    var finishedAt: Date?
    var scaling: ScalingReport?

    init(_ record: RunRecord) {
        runId = record.id
        status = record.status.rawValue
        task = record.task
        model = Model(
            provider: record.model.provider, model: record.model.model, simulation: record.model.isSimulation,
            note: record.model.isSimulation ? OfflineLabel.short : nil)
        embedder = record.embedder
        memoryMode = record.memoryMode.rawValue
        promptSet = record.promptSet
        retrieval = record.retrieval
        trajectory = record.trajectory.steps.map(StepReport.init)
        finalAnswer = record.trajectory.finalAnswer
        verdict = record.verdict
        groundTruth = record.groundTruth
        judgeAgreesWithGroundTruth = record.judgeAgreesWithGroundTruth
        // Stored ids line up with the extracted items unless a person replaced them at the gate.
        let ids = record.storedItemIDs.count == record.extracted.count ? record.storedItemIDs.map(Optional.some) : record.extracted.map { _ in nil }
        extractedItems = zip(record.extracted, ids).map { item, id in
            ItemReport(id: id, title: item.title, description: item.description, content: item.content)
        }
        storedItemIds = record.storedItemIDs
        experienceId = record.experienceID
        usage = record.usage
        overrides = record.overrides
        error = record.errorMessage
        startedAt = record.startedAt
        finishedAt = record.finishedAt
        scaling = record.scaling.map { log in
            ScalingReport(
                mode: log.mode.rawValue, k: log.k, chosenIndex: log.chosenIndex, selection: log.selection,
                passAtOneIndex: log.passAtOneIndex, passAtOneSuccess: log.passAtOneSuccess,
                attempts: log.attempts.map(AttemptReport.init))
        }
    }

    /// Pretty, sorted, snake_case JSON.
    func json() throws -> String { try encode(pretty: true) }

    /// The same on one line, for JSON lines.
    func compactJSON() throws -> String { try encode(pretty: false) }

    private func encode(pretty: Bool) throws -> String { try JSONOutput.encode(self, pretty: pretty) }
}

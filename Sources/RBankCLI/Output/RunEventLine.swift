import Foundation
import ReasoningBank

/// One event of a run as one line of JSON, for `rbank run --jsonl`: `event` names it (`started`,
/// `retrieved`, `step`, `judged`, `extracted`, `consolidated`, `finished`, `failed`; on MaTTS runs also
/// `attempt_ended` and `selected`, and an attempt's own events carry its 0-based `attempt`) and the
/// other keys say what happened. The last line of a run (`finished` or `failed`) carries the whole run report, as
/// `rbank run --json` prints it. Streaming model output is not included; each step carries its result.
struct RunEventLine: Encodable {
    struct InjectedItem: Encodable {
        var id: String
        var title: String
    }

    var event: String
    var runId: String?
    var taskId: String?
    var query: String?
    var memoryMode: String?
    var retrieval: RetrievalLog?
    var injected: [InjectedItem]?
    var step: RunReport.StepReport?
    var verdict: Verdict?
    var groundTruth: GroundTruth?
    var items: [RunReport.ItemReport]?
    var experienceId: String?
    var report: RunReport?
    var attempt: Int?
    var attemptReport: RunReport.AttemptReport?
    var selection: BestOfNSelection?

    /// The line for `event`; nil for streaming model output.
    init?(_ event: RunEvent) {
        switch event {
        case .started(let record):
            self.event = "started"
            runId = record.id
            taskId = record.task.id
            query = record.task.query
            memoryMode = record.memoryMode.rawValue
        case .retrieved(let log, let injected):
            self.event = "retrieved"
            retrieval = log
            self.injected = injected.map { InjectedItem(id: $0.id, title: $0.title) }
        case .modelDelta:
            return nil
        case .step(let step):
            self.event = "step"
            self.step = RunReport.StepReport(step)
        case .judged(let verdict, let truth):
            self.event = "judged"
            self.verdict = verdict
            groundTruth = truth
        case .extracted(let items):
            self.event = "extracted"
            self.items = items.map { RunReport.ItemReport(id: nil, title: $0.title, description: $0.description, content: $0.content) }
        case .consolidated(let experience):
            self.event = "consolidated"
            experienceId = experience.id
            items = experience.items.map { RunReport.ItemReport(id: $0.id, title: $0.title, description: $0.description, content: $0.content) }
        case .attempt(let index, let inner):
            guard var line = RunEventLine(inner) else { return nil }
            line.attempt = index
            self = line
        case .attemptEnded(let attempt):
            self.event = "attempt_ended"
            self.attempt = attempt.index
            attemptReport = RunReport.AttemptReport(attempt)
        case .selected(let selection):
            self.event = "selected"
            self.selection = selection
        case .finished(let record), .failed(let record):
            if case .finished = event { self.event = "finished" } else { self.event = "failed" }
            runId = record.id
            report = RunReport(record)
        }
    }

    /// The line: compact, sorted, snake_case JSON.
    func json() throws -> String { try JSONOutput.encode(self, pretty: false) }
}

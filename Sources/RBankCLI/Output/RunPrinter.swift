import Foundation
import ReasoningBank

/// Prints run events as readable lines, for `rbank run` without `--json`.
struct RunPrinter: Sendable {
    var write: @Sendable (String) -> Void

    func print(_ event: RunEvent) {
        switch event {
        case .started(let record):
            write("▶ run \(record.id) · task \(record.task.id) · env \(record.task.environment) · memory \(record.memoryMode.rawValue)")
            write("  query: \(record.task.query)")
        case .retrieved(let log, let injected):
            if log.hits.isEmpty {
                write("  retrieved: nothing" + (log.excludedByLeakageGuard.isEmpty ? "" : " (\(log.excludedByLeakageGuard.count) same-task experiences excluded by the leakage guard)"))
            }
            for hit in log.hits {
                write("  retrieved: experience \(hit.experienceID) from task \(hit.taskID ?? "?") · score \(Self.format(hit.score)) · \(hit.itemIDs.count) items")
            }
            for item in injected { write("    ↳ \(item.id) \"\(item.title)\"") }
        case .modelDelta:
            break
        case .step(let step):
            write("  step \(step.index)")
            if let failure = step.parseFailure {
                write("    unparsable output (\(failure)): \(Self.clip(step.call.response, 160))")
            } else {
                write("    thought:     \(Self.clip(step.thought, 300))")
                write("    action:      \(step.action)")
            }
            write("    observation: \(Self.clip(step.observation, 200))")
        case .judged(let verdict, let truth):
            let status = verdict.status?.rawValue ?? "unparsed (\(verdict.parseFailure ?? "?"))"
            var line = "  judge: \(status) — \(Self.clip(verdict.thoughts, 200))"
            if let truth {
                line += "\n  ground truth: \(truth.success ? "success" : "failure") (expected \(truth.expected ?? "?"))"
                if let status = verdict.status { line += (status == .success) == truth.success ? " · judge agrees" : " · judge DISAGREES" }
            }
            write(line)
        case .extracted(let items):
            write("  extracted \(items.count) item\(items.count == 1 ? "" : "s")")
        case .consolidated(let experience):
            for item in experience.items { write("    stored \(item.id) \"\(item.title)\"") }
        case .finished(let record), .failed(let record):
            let usage = record.usage
            let seconds = record.finishedAt.map { $0.timeIntervalSince(record.startedAt) } ?? 0
            write("■ \(record.status.rawValue) · \(record.trajectory.steps.count) steps · \(usage.calls) model calls · \(usage.totalTokens) tokens · \(String(format: "%.2f", seconds)) s")
            if let message = record.errorMessage { write("  \(message)") }
        }
    }

    static func format(_ score: Double) -> String { String(format: "%.3f", score) }

    static func clip(_ text: String, _ limit: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
    }
}

import Foundation
import ReasoningBank
import Synchronization

/// Prints run events as readable lines, for `rbank run` without `--json`.
final class RunPrinter: Sendable {
    let write: @Sendable (String) -> Void
    /// The price table's file, named in the cost when a model has no price.
    let pricesFile: URL?
    /// The previous observation's lines, so a step shows what changed rather than the page chrome again.
    private let previousLines = Mutex<Set<String>>([])
    /// The MaTTS mode of the run being printed, which names its attempts (trajectory or round).
    private let scalingMode = Mutex<ScalingMode?>(nil)

    init(pricesFile: URL? = nil, write: @escaping @Sendable (String) -> Void) {
        self.pricesFile = pricesFile
        self.write = write
    }

    func print(_ event: RunEvent) {
        switch event {
        case .started(let record):
            previousLines.withLock { $0 = [] }
            scalingMode.withLock { $0 = record.scaling?.mode }
            write("▶ run \(record.id) · task \(record.task.id) · env \(record.task.environment) · memory \(record.memoryMode.rawValue)")
            write("  query: \(record.task.query)")
            if let scaling = record.scaling {
                write("  MaTTS \(scaling.mode.rawValue) · k = \(scaling.k) · " + (scaling.mode == .parallel
                    ? "\(scaling.k) trajectories at once, each judged; self-contrast extraction; Best-of-N selection"
                    : "one trajectory refined over \(scaling.k) rounds with check prompts; extraction from every round"))
            }
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
            let lines = step.observation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let seen = previousLines.withLock { seen in
                defer { seen = Set(lines) }
                return seen
            }
            write(Self.observation(lines, previous: seen))
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
        case .attempt(let index, let inner):
            printAttempt(index, inner)
        case .attemptEnded(let attempt):
            write("  ◆ \(Self.describe(attempt, mode: scalingMode.withLock { $0 } ?? .parallel))")
        case .selected(let selection):
            write("  selector chose trajectory \(selection.chosenIndex + 1)" + (selection.byModel ? "" : " (no model choice)")
                + " — \(Self.clip(selection.reason, 240))")
        case .finished(let record), .failed(let record):
            let usage = record.usage
            let seconds = record.finishedAt.map { $0.timeIntervalSince(record.startedAt) } ?? 0
            let cost = CostFormatter.text(usage, model: record.model, pricesFile: pricesFile)
            let steps = record.trajectory.steps.count
            write("■ \(record.status.rawValue) · \(steps) step\(steps == 1 ? "" : "s") · \(usage.calls) model calls · \(usage.totalTokens) tokens · cost \(cost) · \(String(format: "%.2f", seconds)) s")
            if let scaling = record.scaling, let chosen = scaling.chosenIndex {
                var line = "  \(scaling.label) · final answer from \(scaling.mode == .parallel ? "trajectory" : "round") \(chosen + 1)"
                if let passAtOne = scaling.passAtOneIndex {
                    line += " · pass@1 = trajectory \(passAtOne + 1)"
                    if let success = scaling.passAtOneSuccess { line += " (ground truth \(success ? "success" : "failure"))" }
                }
                write(line)
            }
            if let message = record.errorMessage { write("  \(message)") }
        }
    }

    /// One attempt's events, each line tagged with the attempt's number; observations are left out
    /// (concurrent trajectories interleave).
    private func printAttempt(_ index: Int, _ event: RunEvent) {
        let tag = "  [\(index + 1)]"
        switch event {
        case .step(let step):
            if let failure = step.parseFailure {
                write("\(tag) step \(step.index) · unparsable output (\(failure))")
            } else {
                write("\(tag) step \(step.index) · \(Self.clip(step.action, 120))")
            }
        case .judged(let verdict, _):
            write("\(tag) judge: \(verdict.status?.rawValue ?? "unparsed") — \(Self.clip(verdict.thoughts, 160))")
        default:
            break
        }
    }

    /// `trajectory 2 · judge success · ground truth success · 7 steps · answer "…"`, or why it broke.
    static func describe(_ attempt: ScalingAttempt, mode: ScalingMode) -> String {
        let name = attempt.label(mode)
        guard attempt.finished else {
            return "\(name) · \(attempt.status.rawValue)" + (attempt.errorMessage.map { " — " + clip($0, 200) } ?? "")
        }
        var parts = [name, "judge \(attempt.verdict?.status?.rawValue ?? "unparsed")"]
        if let truth = attempt.groundTruth { parts.append("ground truth \(truth.success ? "success" : "failure")") }
        parts.append("\(attempt.trajectory.steps.count) step\(attempt.trajectory.steps.count == 1 ? "" : "s")")
        parts.append("answer \"\(clip(attempt.trajectory.finalAnswer ?? "none", 80))\"")
        return parts.joined(separator: " · ")
    }

    static func format(_ score: Double) -> String { String(format: "%.3f", score) }

    /// An observation folded for reading: title and URL, then the lines that are new since the previous
    /// observation (all lines for the first), at most `limit` of them.
    static func observation(_ lines: [String], previous: Set<String>, limit: Int = 8) -> String {
        let heading = lines.filter { $0.hasPrefix("Title: ") || $0.hasPrefix("URL: ") }
        let body = lines.filter { !($0.hasPrefix("Title: ") || $0.hasPrefix("URL: ")) && !previous.contains($0) }
        let unchanged = lines.count - heading.count - body.count
        var shown = (heading + body.prefix(limit)).map { clip($0, 110) }
        var notes: [String] = []
        if body.count > limit { notes.append("\(body.count - limit) more new lines") }
        if unchanged > 0 { notes.append("\(unchanged) lines as before") }
        if !notes.isEmpty { shown.append("… (" + notes.joined(separator: ", ") + ")") }
        return "    observation: " + shown.joined(separator: "\n                 ")
    }

    static func clip(_ text: String, _ limit: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
    }
}

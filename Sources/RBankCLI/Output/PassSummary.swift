import Foundation
import ReasoningBank

/// Counts over one pass of a suite, and the one-line form of a run used with `--all`.
struct PassSummary {
    var pass: Int
    var runs = 0
    var judgedSuccess = 0
    var groundTruthSuccess = 0
    var withGroundTruth = 0
    var agreements = 0
    var withMemory = 0
    var errors = 0
    var cancelled = 0
    var steps = 0
    /// Tokens and cost of every run of the pass.
    var usage = Usage()
    /// The model of the pass's runs (the last one added), for its cost.
    var model: ModelDescriptor?
    /// The price table's file, named in the cost when the model has no price.
    var pricesFile: URL?

    init(pass: Int, pricesFile: URL? = nil) {
        self.pass = pass
        self.pricesFile = pricesFile
    }

    mutating func add(_ record: RunRecord) {
        runs += 1
        steps += record.trajectory.steps.count
        usage += record.usage
        model = record.model
        if record.status == .success { judgedSuccess += 1 }
        if record.status == .error { errors += 1 }
        if record.status == .cancelled { cancelled += 1 }
        if !record.retrieval.injectedItemIDs.isEmpty { withMemory += 1 }
        if let truth = record.groundTruth {
            withGroundTruth += 1
            if truth.success { groundTruthSuccess += 1 }
        }
        if record.judgeAgreesWithGroundTruth == true { agreements += 1 }
    }

    var line: String {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "n/a" : String(format: "%.1f%%", 100 * Double(part) / Double(whole))
        }
        return "pass \(pass): \(runs) runs · ground-truth success \(groundTruthSuccess)/\(withGroundTruth) (\(percent(groundTruthSuccess, withGroundTruth)))"
            + " · judged success \(judgedSuccess)/\(runs) · judge agreement \(percent(agreements, withGroundTruth))"
            + " · runs shown memories \(withMemory)/\(runs) · avg steps \(runs == 0 ? "n/a" : String(format: "%.2f", Double(steps) / Double(runs)))"
            + " · \(usage.totalTokens) tokens · cost \(CostFormatter.text(usage, model: model, pricesFile: pricesFile))"
            + (errors > 0 ? " · errors \(errors)" : "") + (cancelled > 0 ? " · cancelled \(cancelled)" : "")
    }

    static func line(for record: RunRecord) -> String {
        let truth = record.groundTruth.map { $0.success ? "success" : "failure" } ?? "n/a"
        let memory = record.retrieval.hits.first.map { "from \($0.taskID ?? "?") (\(RunPrinter.format($0.score)))" } ?? "none"
        return "\(record.task.id)  judge \(record.status.rawValue)  truth \(truth)  memory \(memory)  stored \(record.storedItemIDs.count)  run \(record.id)"
    }

    /// A learning curve: ground-truth success per pass as bars, so the effect of memory is seen at a glance.
    static func chart(_ passes: [PassSummary], width: Int = 40) -> String {
        var lines = ["ground-truth success by pass"]
        for pass in passes {
            let rate = pass.withGroundTruth == 0 ? 0 : Double(pass.groundTruthSuccess) / Double(pass.withGroundTruth)
            let filled = Int((rate * Double(width)).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            lines.append(String(format: "  pass %2d %@ %5.1f%%", pass.pass, bar, rate * 100))
        }
        return lines.joined(separator: "\n")
    }
}

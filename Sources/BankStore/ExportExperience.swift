import Foundation
import ReasoningBank

/// An experience as export needs it: raw column values, including the lossless-export `extra`.
struct ExportExperience {
    struct Item {
        var id: String
        var title: String
        var description: String
        var content: String
        /// The official string of the current revision, when it is the imported text.
        var rawText: String?
        var isArchived: Bool
        var taskID: String?
        var verdict: VerdictStatus?
        var createdAt: Double
        /// The `extra` column, parsed.
        var extra: [String: Any]
    }

    var id: String
    var taskID: String?
    var query: String
    var outcome: VerdictStatus?
    var runID: String?
    var trajectoryText: String?
    var createdAt: Double
    var embeddingModel: String?
    var queryEmbedding: [Float]?
    /// The `extra` column, parsed.
    var extra: [String: Any]
    var items: [Item]
    /// The run that produced the experience, when it is in the bank.
    var run: RunRecord?

    /// The members without a column that an import of `format` kept, if this experience came from one.
    func imported(_ format: BankFileFormat) -> [String: Any]? {
        guard extra["format"] as? String == format.rawValue else { return nil }
        return extra["fields"] as? [String: Any]
    }

    /// Think and action texts of the trajectory: from the run's steps, else from the
    /// `<think>…</think>` / `<action>…</action>` blocks of the trajectory text.
    var thinksAndActions: (thinks: [String], actions: [String]) {
        if let steps = run?.trajectory.steps, !steps.isEmpty {
            return (steps.map(\.thought), steps.map(\.action))
        }
        guard let text = trajectoryText else { return ([], []) }
        return (Self.tagged(text, "think"), Self.tagged(text, "action"))
    }

    static func tagged(_ text: String, _ tag: String) -> [String] {
        var results: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "<\(tag)>"), let close = rest.range(of: "</\(tag)>", range: open.upperBound..<rest.endIndex) {
            results.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return results
    }
}

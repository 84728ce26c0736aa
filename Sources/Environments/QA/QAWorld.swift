import Foundation
import ReasoningBank

/// The QA world: plain question answering with a single action, `answer('text')`.
///
/// Tasks come from a JSON-lines file (`data/tasks/qa.jsonl`, see `QATaskRecord`). A session can be
/// opened for any task: one from the file is evaluated against its answer and aliases; an ad-hoc task
/// (an id not in the file, or a file id whose question was changed) has no ground truth.
public struct QAWorld: Environment {
    /// The environment name recorded on tasks and runs: `qa`.
    public static let environmentName = "qa"

    /// Where the shipped task file lives, relative to the repository root.
    public static let defaultTasksPath = "data/tasks/qa.jsonl"

    /// The action guide shown to the agent (BrowserGym-style call syntax).
    public static let guide = """
        Action syntax: a function call with quoted string arguments, in the BrowserGym style.
        This environment has exactly one action:
        answer('text')    Give your final answer to the user. This ends the task.
        Put only the final value in the answer (a number, a word or letters), not a sentence.
        Quote the text with single or double quotes; inside it, write a quote of the same kind as \\' or \\".
        Example: answer('42')
        """

    public var name: String { Self.environmentName }
    public var actionGuide: String { Self.guide }

    /// Where the tasks were loaded from, when they came from a file.
    public let tasksURL: URL?
    /// The tasks in file order.
    public let records: [QATaskRecord]
    private let recordsByID: [String: QATaskRecord]

    /// Loads the tasks of `tasksURL`; a malformed line is refused with the file, line and problem.
    public init(tasksURL: URL) throws(QATaskFileError) {
        let records = try Self.loadRecords(from: tasksURL)
        self.init(records: records, tasksURL: tasksURL)
    }

    /// A world over the given tasks (ids should be unique; a later duplicate is ignored).
    public init(records: [QATaskRecord], tasksURL: URL? = nil) {
        self.tasksURL = tasksURL
        self.records = records
        var byID: [String: QATaskRecord] = [:]
        for record in records where byID[record.id] == nil { byID[record.id] = record }
        self.recordsByID = byID
    }

    public func tasks() async throws -> [TaskSpec] { records.map(\.taskSpec) }

    /// The record with this id, if the file has one.
    public func record(id: String) -> QATaskRecord? { recordsByID[id] }

    public func makeSession(for task: TaskSpec) async throws -> any EnvironmentSession {
        QASession(task: task, record: groundTruthRecord(for: task))
    }

    /// The record whose ground truth applies to `task`: same id and the same question.
    func groundTruthRecord(for task: TaskSpec) -> QATaskRecord? {
        guard let record = recordsByID[task.id] else { return nil }
        let asked = task.query.trimmingCharacters(in: .whitespacesAndNewlines)
        return asked == record.question.trimmingCharacters(in: .whitespacesAndNewlines) ? record : nil
    }
}

import Foundation
import ReasoningBank

/// One episode of one QA task. The only valid action is `answer('text')`, which ends the episode;
/// anything else is answered with an error observation that says what is valid.
public actor QASession: EnvironmentSession {
    /// The task this session runs.
    public nonisolated let task: TaskSpec
    /// The ground truth, nil for an ad-hoc task.
    public nonisolated let record: QATaskRecord?
    private var givenAnswer: String?
    private var invalidActions = 0

    /// A session for `task`; pass the file's record to have `evaluate()` judge against it.
    public init(task: TaskSpec, record: QATaskRecord?) {
        self.task = task
        self.record = record
    }

    public func reset() -> Observation {
        givenAnswer = nil
        invalidActions = 0
        return Observation(
            text: "Question: \(task.query)\n\nAnswer it with answer('your answer'), giving only the final value.",
            validActions: ["answer('text')"])
    }

    public func step(_ action: String) -> StepOutcome {
        if let givenAnswer {
            return StepOutcome(
                observation: Observation(
                    text: "The episode is over: the answer '\(givenAnswer)' was already given.", validActions: []),
                isDone: true)
        }
        switch ActionCallParser.parse(action) {
        case .failure(let failure):
            return invalid("Error: the action could not be parsed (\(failure)).")
        case .success(let call) where call.name.lowercased() != "answer":
            return invalid("Error: unknown action \"\(call.name)\". This environment has no such action.")
        case .success(let call) where call.arguments.count != 1:
            return invalid(
                "Error: answer takes exactly one argument, the answer text, but was given \(call.arguments.count).")
        case .success(let call):
            let text = call.arguments[0].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return invalid("Error: the answer is empty.") }
            givenAnswer = text
            return StepOutcome(
                observation: Observation(text: "Answer recorded: \(text)\nThe task is complete.", validActions: []),
                isDone: true, answer: text)
        }
    }

    public func finalState() -> String {
        var lines = ["Question: \(task.query)"]
        if let givenAnswer {
            lines.append("The agent answered: \(givenAnswer)")
        } else {
            lines.append("No answer was given.")
        }
        if invalidActions > 0 { lines.append("Invalid actions attempted: \(invalidActions)") }
        return lines.joined(separator: "\n")
    }

    public func evaluate() -> GroundTruth? {
        guard let record else { return nil }
        guard let givenAnswer else {
            return GroundTruth(success: false, expected: record.answer, detail: "No answer was given.")
        }
        let success = AnswerMatcher.matches(givenAnswer, expected: record.answer, aliases: record.aliases)
        let accepted = ([record.answer] + record.aliases).map { "'\($0)'" }.joined(separator: ", ")
        let detail =
            success
            ? "The answer '\(givenAnswer)' matches the expected answer."
            : "The answer '\(givenAnswer)' does not match the expected answer (accepted: \(accepted))."
        return GroundTruth(success: success, expected: record.answer, detail: detail)
    }

    public func close() {}

    private func invalid(_ message: String) -> StepOutcome {
        invalidActions += 1
        let guidance = "The only valid action is answer('text'), e.g. answer('42'). Try again."
        return StepOutcome(
            observation: Observation(text: message + "\n" + guidance, validActions: ["answer('text')"]),
            isDone: false)
    }
}

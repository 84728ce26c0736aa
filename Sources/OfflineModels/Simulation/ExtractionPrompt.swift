import Foundation
import ReasoningBank

/// What the simulated extractor reads out of an extraction request.
public struct ExtractionPrompt: Sendable, Hashable {
    /// One step of the trajectory as the extractor sees it.
    public struct StepText: Sendable, Hashable {
        /// The text of the `<think>` block.
        public var thought: String
        /// The text of the `<action>` block.
        public var action: String
        /// The text of the `<observation>` block.
        public var observation: String

        public init(thought: String, action: String, observation: String) {
            self.thought = thought
            self.action = action
            self.observation = observation
        }
    }

    /// The task's query (`**Query:**`); nil when it is missing.
    public var query: String?
    /// The steps of the trajectory (`<think>`, `<action>`, `<observation>` blocks).
    public var steps: [StepText]
    /// Failure for `.extractFailure`, success otherwise (workflows are induced from successes).
    public var outcome: VerdictStatus
    /// The judge's reasoning, when the prompt carries it.
    public var judgeThoughts: String
    /// How many items may be written (`at most N` in the system prompt; 3 when absent; 1...5).
    public var maxItems: Int

    /// Reads `request`; never fails.
    public init(_ request: ModelRequest) {
        let text = request.messages.filter { $0.role == .user }.map(\.content).joined(separator: "\n\n")
        let query = PromptText.value(after: ["**Query:**", "Query:"], in: text, until: ["**Trajectory:**", "Trajectory:"])
        self.query = (query?.isEmpty ?? true) ? nil : query
        let judgeLabels = ["**Judge's assessment:**", "Judge's assessment:"]
        let trajectory = PromptText.value(after: ["**Trajectory:**", "Trajectory:"], in: text, until: judgeLabels) ?? ""
        steps = Self.steps(in: trajectory)
        outcome = request.purpose == .extractFailure ? .failure : .success
        let assessment = PromptText.value(after: judgeLabels, in: text) ?? ""
        if let because = assessment.range(of: "because:", options: .caseInsensitive) {
            judgeThoughts = assessment[because.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            judgeThoughts = assessment
        }
        maxItems = Self.maxItems(in: request.system)
    }

    /// The final `answer(...)`-style action's first argument, if the last action has one.
    public var finalActionArgument: String? {
        for step in steps.reversed() {
            if case .success(let call) = ActionCallParser.parse(step.action), let first = call.arguments.first {
                return first
            }
        }
        return nil
    }

    /// All thoughts joined, for looking up what the agent said it did.
    public var allThoughts: String { steps.map(\.thought).joined(separator: "\n") }

    static func steps(in trajectory: String) -> [StepText] {
        let thoughts = PromptText.blocks("<think>", "</think>", in: trajectory)
        let actions = PromptText.blocks("<action>", "</action>", in: trajectory)
        let observations = PromptText.blocks("<observation>", "</observation>", in: trajectory)
        let count = max(thoughts.count, actions.count)
        return (0..<count).map { index in
            StepText(
                thought: index < thoughts.count ? thoughts[index] : "",
                action: index < actions.count ? actions[index] : "",
                observation: index < observations.count ? observations[index] : "")
        }
    }

    static func maxItems(in system: String) -> Int {
        guard let range = system.range(of: "at most ", options: .caseInsensitive) else { return 3 }
        let digits = system[range.upperBound...].prefix(while: \.isNumber)
        guard let value = Int(digits) else { return 3 }
        return min(5, max(1, value))
    }
}

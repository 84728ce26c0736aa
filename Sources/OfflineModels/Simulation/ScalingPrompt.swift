import Foundation
import ReasoningBank

/// What the simulation reads out of a MaTTS request (self-contrast extraction, refinement extraction
/// or Best-of-N selection): the query and the trajectories, each under its `## Trajectory N`,
/// `## Attempt N` or `## Candidate N` heading.
public struct ScalingPrompt: Sendable, Hashable {
    /// One trajectory of the request.
    public struct Section: Sendable, Hashable {
        /// The number in its heading (1-based).
        public var number: Int
        /// The verdict its heading carries (`judged: success`); nil for candidates and unjudged ones.
        public var verdict: VerdictStatus?
        /// The text under the heading.
        public var body: String
    }

    /// The task's query (`**Query:**`); nil when it is missing.
    public var query: String?
    public var sections: [Section]
    /// How many items may be written (`at most N` in the system prompt; 5 when absent; 1...5).
    public var maxItems: Int

    /// Reads `request`; never fails.
    public init(_ request: ModelRequest) {
        let text = request.messages.filter { $0.role == .user }.map(\.content).joined(separator: "\n\n")
        let headings = ["## Trajectory", "## Attempt", "## Candidate"]
        let query = PromptText.value(after: ["**Query:**", "Query:"], in: text, until: headings)
        self.query = (query?.isEmpty ?? true) ? nil : query
        var sections: [Section] = []
        var current: (number: Int, verdict: VerdictStatus?, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let heading = Self.heading(line, prefixes: headings) {
                if let current { sections.append(Section(number: current.number, verdict: current.verdict, body: current.lines.joined(separator: "\n"))) }
                current = (heading.number, heading.verdict, [])
            } else if current != nil {
                current?.lines.append(line)
            }
        }
        if let current { sections.append(Section(number: current.number, verdict: current.verdict, body: current.lines.joined(separator: "\n"))) }
        self.sections = sections
        if let range = request.system.range(of: "at most ", options: .caseInsensitive),
            let value = Int(request.system[range.upperBound...].prefix(while: \.isNumber))
        {
            maxItems = min(5, max(1, value))
        } else {
            maxItems = 5
        }
    }

    private static func heading(_ line: Substring, prefixes: [String]) -> (number: Int, verdict: VerdictStatus?)? {
        guard let prefix = prefixes.first(where: { line.hasPrefix($0) }) else { return nil }
        let rest = line.dropFirst(prefix.count)
        let digits = rest.drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits.prefix(6)) else { return nil }
        let lower = rest.lowercased()
        let verdict: VerdictStatus? =
            lower.contains("judged: success") ? .success : lower.contains("judged: failure") ? .failure : nil
        return (number, verdict)
    }
}

import Foundation
import ReasoningBank

/// What the simulated judge reads out of a judge request.
public struct JudgePrompt: Sendable, Hashable {
    /// The user's intent (`User Intent:`); nil when it is missing.
    public var intent: String?
    /// The numbered action history (`Action History:`), possibly empty.
    public var actionHistory: String
    /// The environment's final state, without code fences, possibly empty.
    public var finalState: String
    /// The agent's response (`Bot response to the user:`); nil when missing, empty or `N/A`.
    public var response: String?

    /// Reads `request`; never fails.
    public init(_ request: ModelRequest) {
        let text = request.messages.filter { $0.role == .user }.map(\.content).joined(separator: "\n\n")
        let intentLabel = ["User Intent:"]
        let historyLabel = ["Action History:"]
        let stateLabel = ["The detailed final state"]
        let responseLabel = ["Bot response to the user:"]
        let intent = PromptText.value(after: intentLabel, in: text, until: historyLabel + stateLabel + responseLabel)
        self.intent = (intent?.isEmpty ?? true) ? nil : intent
        actionHistory = PromptText.value(after: historyLabel, in: text, until: stateLabel + responseLabel) ?? ""
        var state = PromptText.value(after: stateLabel, in: text, until: responseLabel) ?? ""
        if let colon = state.firstIndex(of: ":"), state[..<colon].split(whereSeparator: \.isNewline).count <= 1 {
            state = String(state[state.index(after: colon)...])
        }
        finalState = state.replacingOccurrences(of: "```md", with: "").replacingOccurrences(of: "```", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let response = PromptText.value(after: responseLabel, in: text, last: true)
        if let response, !response.isEmpty, response.uppercased() != "N/A" {
            self.response = response
        } else {
            self.response = nil
        }
    }
}

import Foundation
import ReasoningBank

/// What the simulated agent remembers of its own episode: it has no hidden state, so it reads its
/// earlier responses (thoughts and actions) back from the conversation.
struct ShopTrail: Sendable {
    /// Earlier thoughts, oldest first.
    var thoughts: [String]
    /// Earlier actions, parsed (nil where a response did not parse).
    var actions: [ActionCall?]

    /// Marks a detour in a thought (counted to bound wandering).
    static let detourMarker = "I have not found what I need yet"
    /// Marks the reaction to Add to Cart being refused.
    static let optionsRefusedMarker = "The shop refused to add the product"
    /// Marks the reaction to Place Order being refused.
    static let formRefusedMarker = "The shop refused the order"
    /// Marks the positions of counted reviews.
    static let reviewMarker = "the matching reviews numbered"

    init(previousResponses: [String]) {
        var thoughts: [String] = []
        var actions: [ActionCall?] = []
        for response in previousResponses {
            switch ReActParser.parse(response) {
            case .success(let output):
                thoughts.append(output.thought)
                if case .success(let call) = ActionCallParser.parse(output.action) {
                    actions.append(call)
                } else {
                    actions.append(nil)
                }
            case .failure:
                thoughts.append("")
                actions.append(nil)
            }
        }
        self.thoughts = thoughts
        self.actions = actions
    }

    /// How many detours the agent has taken.
    var detours: Int { thoughts.filter { $0.contains(Self.detourMarker) }.count }
    /// Whether Add to Cart was refused earlier in the episode.
    var optionsRefused: Bool { thoughts.contains { $0.contains(Self.optionsRefusedMarker) } }
    /// Whether Place Order was refused earlier in the episode.
    var formRefused: Bool { thoughts.contains { $0.contains(Self.formRefusedMarker) } }

    /// The texts typed into the search box so far.
    var searches: [String] {
        actions.compactMap { call in
            guard let call, call.name == "fill", call.arguments.count == 2, call.arguments[0] == "2" else { return nil }
            return call.arguments[1]
        }
    }

    /// Whether an action with this name was taken.
    func used(_ name: String) -> Bool { actions.contains { $0?.name == name } }

    /// Review positions counted in earlier thoughts.
    var countedReviewLines: Set<Int> {
        var result: Set<Int> = []
        for thought in thoughts {
            guard let range = thought.range(of: Self.reviewMarker) else { continue }
            let tail = thought[range.upperBound...].prefix { $0 != "(" && !$0.isNewline }
            for part in tail.split(whereSeparator: { !$0.isNumber }) { if let value = Int(part) { result.insert(value) } }
        }
        return result
    }
}

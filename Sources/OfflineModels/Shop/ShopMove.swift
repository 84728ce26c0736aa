import Foundation

/// One decision of the simulated shop agent: what it thinks and the action it takes.
struct ShopMove: Sendable, Hashable {
    var thought: String
    var action: String

    static func click(_ id: String, _ thought: String) -> ShopMove {
        ShopMove(thought: thought, action: "click(" + PromptText.quotedArgument(id) + ")")
    }

    static func fill(_ id: String, _ text: String, _ thought: String) -> ShopMove {
        ShopMove(thought: thought, action: "fill(" + PromptText.quotedArgument(id) + ", " + PromptText.quotedArgument(text) + ")")
    }

    static func select(_ id: String, _ option: String, _ thought: String) -> ShopMove {
        ShopMove(
            thought: thought, action: "select_option(" + PromptText.quotedArgument(id) + ", " + PromptText.quotedArgument(option) + ")")
    }

    static func scroll(_ direction: String, _ thought: String) -> ShopMove {
        ShopMove(thought: thought, action: "scroll(" + PromptText.quotedArgument(direction) + ")")
    }

    static func goBack(_ thought: String) -> ShopMove { ShopMove(thought: thought, action: "go_back()") }

    static func tell(_ message: String, _ thought: String) -> ShopMove {
        ShopMove(thought: thought, action: "send_msg_to_user(" + PromptText.quotedArgument(message) + ")")
    }
}

import Foundation
import ReasoningBank

extension QAPolicy {
    public func judge(_ prompt: JudgePrompt, dice: inout SimulationDice) -> String {
        guard let intent = prompt.intent else {
            return Self.verdict(.failure, thoughts: "I cannot find the user's intent in the prompt, so I cannot verify the response; marking it as a failure.")
        }
        guard let response = prompt.response else {
            return Self.verdict(.failure, thoughts: "The agent gave no response to the user, so the question was not answered.")
        }
        let shown = PromptText.oneLine(response)
        guard let family = skillbook.family(for: intent) else {
            return Self.verdict(.failure, thoughts: "I cannot verify an answer to this kind of question offline, and when uncertain the rules say to mark failure.")
        }
        if AnswerMatcher.equivalent(response, Self.unknownAnswer, allowingUnits: true) {
            return Self.verdict(.failure, thoughts: "The user asked a question about \(family.topic), and the agent said it does not know, so the information was not provided.")
        }
        if dice.competent(recheckRate), let own = family.solve(intent, using: .correct) {
            let matches = AnswerMatcher.equivalent(response, own.answer, allowingUnits: true)
            let thoughts =
                "The user asks a question about \(family.topic). Checking it myself: \(own.working) That gives \(own.answer), and the agent answered \(shown), which "
                + (matches ? "matches, so the answer is correct." : "does not match, so the answer is wrong.")
            return Self.verdict(matches ? .success : .failure, thoughts: thoughts)
        }
        if family.isWellFormed(response, for: intent) {
            return Self.verdict(
                .success,
                thoughts: "The user asks a question about \(family.topic). The agent answered \(shown), which is \(family.answerForm) as expected, so the response addresses the request.")
        }
        return Self.verdict(
            .failure,
            thoughts: "The user asks a question about \(family.topic). The agent answered \(shown), which is not \(family.answerForm), so the response does not answer the question.")
    }
}

import Foundation
import ReasoningBank

extension QAPolicy {
    public func act(on prompt: AgentPrompt, dice: inout SimulationDice) -> String {
        var thought: [String] = []
        if prompt.latestObservationIsError {
            let complaint = PromptText.oneLine(PromptText.firstLine(prompt.latestObservation))
            thought.append("The previous action was rejected (\(complaint)); I will retry with a valid answer action.")
        }
        guard let question = prompt.task else {
            thought += discussion(of: prompt.memories, family: nil)
            thought.append("I cannot find the task in the prompt, so I cannot work out an answer offline; I will say that I don't know.")
            return Self.reAct(thought: thought.joined(separator: "\n"), action: Self.answerAction(Self.unknownAnswer))
        }
        guard let family = skillbook.family(for: question) else {
            thought += discussion(of: prompt.memories, family: nil)
            thought.append(
                "I cannot work this question out offline: it is not one of the question types this simulation knows how to solve, so I will say that I don't know.")
            return Self.reAct(thought: thought.joined(separator: "\n"), action: Self.answerAction(Self.unknownAnswer))
        }
        thought += discussion(of: prompt.memories, family: family)
        let teacher = prompt.memories.firstIndex { skillbook.relevance(of: $0, to: family) == .teaches }
        let procedure: QAProcedure
        var plan = "This is a question about \(family.topic). "
        if let teacher {
            procedure = .correct
            plan += "Following memory item \(teacher + 1), I will \(family.correctMethod)."
        } else if prompt.round > 1, prompt.earlierThoughts.contains(family.correctMethod) {
            procedure = .correct
            plan += "Re-examining my previous attempt, I keep its method: I will \(family.correctMethod)."
        } else if dice.sample(explorationRate) {
            procedure = .correct
            plan += "On reflection, I will \(family.correctMethod)."
        } else {
            procedure = .naive
            plan += "I will \(family.naiveMethod)."
        }
        thought.append(plan)
        guard let solution = family.solve(question, using: procedure) else {
            thought.append("I cannot work it out after all, so I will say that I don't know.")
            return Self.reAct(thought: thought.joined(separator: "\n"), action: Self.answerAction(Self.unknownAnswer))
        }
        thought.append(solution.working + " So the answer is \(solution.answer).")
        return Self.reAct(thought: thought.joined(separator: "\n"), action: Self.answerAction(solution.answer))
    }

    /// One line per memory item: whether it is relevant and why, as the injection preamble asks.
    func discussion(of memories: [ExtractedItem], family: (any QAFamily)?) -> [String] {
        memories.enumerated().map { offset, item in
            let label = "Memory item \(offset + 1) (\"\(PromptText.oneLine(item.title))\")"
            guard let family else {
                return "\(label): not relevant, because I do not recognise this kind of question, so no stored procedure applies."
            }
            switch skillbook.relevance(of: item, to: family) {
            case .teaches:
                return "\(label): relevant, because it describes how to handle \(family.topic): \(family.correctMethod). I will use it."
            case .sameTopic:
                return "\(label): about \(family.shortTopic), but it does not describe a reliable procedure beyond my usual approach, so I will not rely on it."
            case .otherTopic(let topic):
                return "\(label): not relevant, because it is about \(topic), not \(family.topic)."
            case .unrelated:
                return "\(label): not relevant, because it does not describe a procedure for \(family.topic)."
            }
        }
    }

    /// `answer('…')` with the text quoted and escaped.
    static func answerAction(_ text: String) -> String { "answer(" + PromptText.quotedArgument(text) + ")" }
}

import Foundation
import ReasoningBank

extension QAPolicy {
    public func extract(from prompt: ExtractionPrompt, dice: inout SimulationDice) -> String {
        let succeeded = prompt.outcome == .success
        guard let query = prompt.query, let family = skillbook.family(for: query) else {
            let reasoning =
                succeeded
                ? "Thinking first: the trajectory succeeded, but I cannot tell offline what kind of question it was; the transferable part is how the answer was given."
                : "Thinking first: the trajectory failed on a question I cannot classify offline; the lesson is to work out what is being asked before answering."
            let items =
                succeeded
                ? [QAGenericWording.answerFormat.item(using: &dice)]
                : [QAGenericWording.identifyQuestion.item(using: &dice)]
            return Self.memoryItems(reasoning: reasoning, items: items, limit: prompt.maxItems)
        }
        let used = procedure(in: prompt, for: query, family: family)
        let outcome = succeeded ? "succeeded" : "failed"
        var reasoning = "Thinking first: the agent \(outcome) on a question about \(family.topic). "
        var items: [ExtractedItem] = []
        switch (succeeded, used) {
        case (true, .correct):
            reasoning += "It chose to \(family.correctMethod), which is the reliable procedure, and it answered with a single value. The procedure itself is the transferable insight, together with giving the bare value."
            items = [family.strategyWording.item(using: &dice), QAGenericWording.answerFormat.item(using: &dice)]
        case (true, .naive):
            reasoning += "It chose to \(family.naiveMethod), and the answer was accepted. What worked was answering directly with a single value."
            items = [family.naiveWording.item(using: &dice), QAGenericWording.answerFormat.item(using: &dice)]
        case (true, nil):
            reasoning += "I cannot tell from the trajectory which procedure produced the answer; the transferable part is how the answer was given."
            items = [QAGenericWording.answerFormat.item(using: &dice)]
        case (false, .correct):
            reasoning += "It already tried to \(family.correctMethod), so the procedure is right; the answer must have been checked or written badly. Keep the procedure and verify the value before answering."
            items = [family.strategyWording.item(using: &dice), QAGenericWording.checkBeforeAnswering.item(using: &dice)]
        case (false, _):
            if dice.competent(reflectionRate) {
                reasoning +=
                    used == .naive
                    ? "It chose to \(family.naiveMethod), which is the mistake: that shortcut does not hold in general. What to do instead is to \(family.correctMethod)."
                    : "It did not reach the right value. What to do instead is to \(family.correctMethod)."
                items = [family.lessonWording.item(using: &dice), QAGenericWording.checkBeforeAnswering.item(using: &dice)]
            } else {
                reasoning += "The answer was judged wrong, but from the trajectory alone I cannot pin down which step went wrong; the lesson is to take more care."
                items = [family.vagueWording.item(using: &dice), QAGenericWording.checkBeforeAnswering.item(using: &dice)]
            }
        }
        return Self.memoryItems(reasoning: reasoning, items: items, limit: prompt.maxItems)
    }

    /// Which procedure the trajectory used: by its final answer when that tells the procedures apart,
    /// else by whether its thoughts describe the correct procedure (nil: neither, e.g. no answer).
    func procedure(in prompt: ExtractionPrompt, for query: String, family: any QAFamily) -> QAProcedure? {
        let thoughtsUseCorrect = family.keyPhraseCount(in: prompt.allThoughts) >= skillbook.relevanceThreshold
        guard let answer = prompt.finalActionArgument,
            let correct = family.solve(query, using: .correct), let naive = family.solve(query, using: .naive)
        else { return thoughtsUseCorrect ? .correct : nil }
        let isCorrect = AnswerMatcher.equivalent(answer, correct.answer, allowingUnits: true)
        let isNaive = AnswerMatcher.equivalent(answer, naive.answer, allowingUnits: true)
        switch (isCorrect, isNaive) {
        case (true, false): return .correct
        case (false, true): return .naive
        case (true, true): return thoughtsUseCorrect ? .correct : .naive
        case (false, false): return thoughtsUseCorrect ? .correct : nil
        }
    }
}

import Foundation
import ReasoningBank

extension SimulatedPolicy {
    /// The default workflow induction: the successful trajectory's steps, each as the reasoning that
    /// led to it and the action taken, with quoted values and numbers replaced by placeholders.
    public func induceWorkflow(from prompt: ExtractionPrompt, dice: inout SimulationDice) -> String {
        Self.workflow(from: prompt)
    }

    /// A workflow item made by abstracting `prompt`'s steps; policies may call it and add their own.
    static func workflow(from prompt: ExtractionPrompt) -> String {
        let useful = prompt.steps.filter { !$0.action.isEmpty && !$0.observation.lowercased().hasPrefix("error") }
        guard !useful.isEmpty else {
            return "The trajectory has no usable steps, so there is no workflow to induce."
        }
        let verbs = useful.compactMap { step -> String? in
            if case .success(let call) = ActionCallParser.parse(step.action) { return call.name }
            return nil
        }
        var distinct: [String] = []
        for verb in verbs where distinct.last != verb { distinct.append(verb) }
        let steps = useful.enumerated().map { index, step in
            let reason = abstract(firstSentences(of: step.thought, count: 2))
            return "\(index + 1). \(reason.isEmpty ? "Then" : reason) → \(abstract(step.action))"
        }
        let item = ExtractedItem(
            title: "Workflow: " + distinct.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", then "),
            description: "Tasks like: " + abstract(prompt.query ?? "this one"),
            content: steps.joined(separator: "\n"))
        return "The trajectory succeeded; the workflow keeps the steps that moved it forward, with the task's values "
            + "replaced by placeholders.\n\n" + item.markdown(index: 1)
    }

    /// Quoted strings become `{value}` and numbers `{number}`; apostrophes inside words are kept.
    static func abstract(_ text: String) -> String {
        var output = ""
        var quote: Character?
        var inNumber = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            // An apostrophe inside a word (don't) is not a quote.
            let afterLetter = output.last.map { $0.isLetter } ?? false
            if character == "\"" || (character == "'" && !afterLetter) {
                quote = character
                output += "{value}"
                inNumber = false
                continue
            }
            if character.isNumber {
                if !inNumber { output += "{number}" }
                inNumber = true
                continue
            }
            if inNumber && (character == "." || character == ",") { continue }
            inNumber = false
            output.append(character)
        }
        return PromptText.oneLine(output)
    }

    private static func firstSentences(of text: String, count: Int) -> String {
        let flat = PromptText.oneLine(text)
        var sentences: [Substring] = []
        var start = flat.startIndex
        for index in flat.indices where flat[index] == "." || flat[index] == "!" || flat[index] == "?" {
            sentences.append(flat[start...index])
            start = flat.index(after: index)
            if sentences.count == count { break }
        }
        if sentences.isEmpty { return flat }
        return sentences.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

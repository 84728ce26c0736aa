import Foundation
import ReasoningBank

/// How the fallback plays an environment it has no policy for but whose observations list the valid
/// actions (e.g. an external environment over the process bridge): a simple, seeded heuristic, not an
/// LLM. It prefers actions that name the task's words, then actions that injected memories name, and
/// avoids repeating itself; at temperature > 0 it breaks near-ties at random.
extension FallbackPolicy {
    /// The valid actions listed in `observation` (the `Valid actions:` line the agent prompt shows).
    static func validActions(in observation: String) -> [String] {
        guard let line = observation.split(separator: "\n").last(where: { $0.hasPrefix("Valid actions:") }) else { return [] }
        return line.dropFirst("Valid actions:".count).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Words that carry meaning (three letters or more, not the commonest).
    static func contentWords(_ text: String) -> Set<String> {
        let common: Set<String> = [
            "the", "and", "your", "you", "that", "this", "with", "into", "from", "then", "once", "task", "find", "search",
            "environment", "found", "located", "provided", "may", "helpful", "are", "there", "for", "its", "all",
        ]
        return Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 && !common.contains($0) })
    }

    /// The actions written between backticks in `text` (how memory items quote them).
    static func quotedActions(in text: String) -> Set<String> {
        Set(text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { $0.element.lowercased().trimmingCharacters(in: .whitespaces) })
    }

    func playValidActions(_ valid: [String], task: String, prompt: AgentPrompt, dice: inout SimulationDice) -> String {
        let taskWords = Self.contentWords(task)
        let remembered = prompt.memories.reduce(into: Set<String>()) { $0.formUnion(Self.quotedActions(in: $1.content)) }
        let rememberedVerbs = Set(remembered.compactMap { $0.split(separator: " ").first.map(String.init) })
        var taken: [String: Int] = [:]
        for response in prompt.previousResponses {
            if case .success(let output) = ReActParser.parse(response) { taken[output.action.lowercased(), default: 0] += 1 }
        }
        var best: (action: String, score: Double, why: String)?
        for action in valid {
            let lower = action.lowercased()
            let words = Self.contentWords(action)
            var score = 3 * Double(words.intersection(taskWords).count)
            var why = words.intersection(taskWords).isEmpty ? "" : "it names what the task is about"
            if remembered.contains(lower) {
                score += 2.5
                why = "a memory names it"
            } else if let verb = lower.split(separator: " ").first.map(String.init), rememberedVerbs.contains(verb) {
                score += 1
                if why.isEmpty { why = "a memory recommends actions like it" }
            }
            score -= 2 * Double(taken[lower] ?? 0)
            if lower == "look around" || lower == "inventory" { score -= 1 }
            score += Double(dice.variant(100)) / 100
            if best == nil || score > best!.score { best = (action, score, why) }
        }
        guard let best else { return Self.reAct(thought: "No action is listed, so I look around.", action: "look around") }
        var thought = prompt.memories.enumerated().map { offset, item in
            let named = Self.quotedActions(in: item.content).filter { quoted in valid.contains { $0.lowercased() == quoted } }
            return named.isEmpty
                ? "Memory item \(offset + 1) (\"\(PromptText.oneLine(item.title))\"): it names no action available here, so I keep it in mind only."
                : "Memory item \(offset + 1) (\"\(PromptText.oneLine(item.title))\"): it names \(named.sorted().joined(separator: ", ")), which I can do here."
        }
        thought.append(
            "There are \(valid.count) valid actions. I choose \(best.action)"
                + (best.why.isEmpty ? ", trying something I have not done yet." : " because \(best.why)."))
        return Self.reAct(thought: thought.joined(separator: "\n"), action: best.action)
    }

    /// A lesson or strategy from a trajectory in a valid-action environment: the actions that moved it on.
    func validActionItems(from prompt: ExtractionPrompt, dice: inout SimulationDice) -> [ExtractedItem] {
        let actions = prompt.steps.map(\.action).filter { !$0.isEmpty }
        guard let last = actions.last else { return [] }
        var counts: [String: Int] = [:]
        for action in actions { counts[action, default: 0] += 1 }
        if prompt.outcome == .success {
            let verbs = Array(Set(actions.compactMap { $0.split(separator: " ").first.map(String.init) })).sorted()
            return [
                ExtractedItem(
                    title: "Finish with the action that names the task's object",
                    description: "Explore with the listed actions until one names what the task asks for, then take it.",
                    content: "The task was done by `\(last.lowercased())` once it was listed; the steps before used "
                        + verbs.map { "`\($0)`" }.joined(separator: ", ") + " to get there. Prefer listed actions that name the task's object.")
            ]
        }
        let repeated = counts.filter { $0.value > 2 }.keys.sorted()
        return [
            ExtractedItem(
                title: "Do not repeat actions that change nothing",
                description: "A failed attempt spent its steps repeating the same actions.",
                content: repeated.isEmpty
                    ? "Try each listed action that could lead somewhere new before repeating one; keep the task's object in view."
                    : "Repeating " + repeated.prefix(3).map { "`\($0.lowercased())`" }.joined(separator: ", ")
                        + " wasted the steps; move somewhere new or act on an object instead.")
        ]
    }

    /// The outcome a final state states outright ("task succeeded" …), if it does.
    static func statedOutcome(in finalState: String) -> VerdictStatus? {
        let lower = finalState.lowercased()
        if ["task succeeded", "you won", "you win", "task completed"].contains(where: lower.contains) { return .success }
        if ["task failed", "not finished", "you lost", "you lose"].contains(where: lower.contains) { return .failure }
        return nil
    }
}

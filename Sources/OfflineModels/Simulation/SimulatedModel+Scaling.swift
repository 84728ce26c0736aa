import Foundation
import ReasoningBank

/// The simulation's answers to MaTTS calls, built from the policies' own judge and extractor so a
/// policy needs nothing new: self-contrast extraction runs the extractor on each labelled trajectory
/// and keeps at most five distinct items; the Best-of-N selector re-checks each candidate as a judge
/// would (with its own, independent mistakes) and picks an accepted one with the fewest actions.
extension SimulatedModel {
    /// `extract-contrast` and `extract-refinement`: a comparison paragraph, then the items.
    func extractAcross(_ request: ModelRequest) -> String {
        let prompt = ScalingPrompt(request)
        let noun = request.purpose == .extractRefinement ? "attempt" : "trajectory"
        guard let query = prompt.query, !prompt.sections.isEmpty else {
            return "There are no \(noun)s to compare in the prompt, so there is nothing to extract."
        }
        var items: [ExtractedItem] = []
        var notes: [String] = []
        let successesFirst = prompt.sections.filter { $0.verdict == .success } + prompt.sections.filter { $0.verdict != .success }
        for section in successesFirst {
            guard let status = section.verdict else {
                notes.append("\(noun.capitalized) \(section.number) was not judged, so I leave it out.")
                continue
            }
            let transcript = section.body.components(separatedBy: "<final_answer>").first ?? section.body
            let judge = section.body.components(separatedBy: "**Judge's assessment:**").dropFirst().first ?? ""
            let single = ModelRequest(
                purpose: status == .success ? .extractSuccess : .extractFailure, system: "Extract at most 3 memory items.",
                messages: [
                    ChatMessage(
                        role: .user,
                        content: "**Query:** \(query)\n\n**Trajectory:**\n\(transcript)\n\n**Judge's assessment:** The task "
                            + (status == .success ? "succeeded" : "failed") + " because: "
                            + judge.trimmingCharacters(in: .whitespacesAndNewlines))
                ],
                temperature: request.temperature, maxTokens: request.maxTokens)
            let answer = respond(to: single).text
            let reasoning = answer.components(separatedBy: "# Memory Item").first ?? ""
            notes.append(
                "\(noun.capitalized) \(section.number) (\(status.rawValue)): "
                    + PromptText.oneLine(reasoning.replacingOccurrences(of: "Thinking first:", with: "")))
            if case .success(let found) = MemoryItemParser.parse(answer) {
                for item in found where !items.contains(where: { Self.overlaps($0, item) }) { items.append(item) }
            }
        }
        let successes = prompt.sections.filter { $0.verdict == .success }.map { String($0.number) }
        let failures = prompt.sections.filter { $0.verdict == .failure }.map { String($0.number) }
        var reasoning = "Thinking first, comparing the \(prompt.sections.count) \(noun)s: "
        reasoning += successes.isEmpty ? "none succeeded" : "\(successes.joined(separator: ", ")) succeeded"
        reasoning += failures.isEmpty ? ". " : ", \(failures.joined(separator: ", ")) failed. "
        reasoning += notes.joined(separator: " ")
        guard !items.isEmpty else { return reasoning + "\n\nNo transferable insight stands out." }
        // Strategies from successes come first, then the lessons, at most `maxItems` in all.
        return Self.numbered(reasoning: reasoning, items: Array(items.prefix(prompt.maxItems)))
    }

    /// `select-best`: `Thoughts:` with one note per candidate, then `Best: N`.
    func selectBest(_ request: ModelRequest) -> String {
        let prompt = ScalingPrompt(request)
        guard let query = prompt.query, !prompt.sections.isEmpty else {
            return "Thoughts: The prompt lists no candidates, so I take the first.\nBest: 1"
        }
        var accepted: [(number: Int, actions: Int)] = []
        var notes: [String] = []
        for section in prompt.sections {
            let check = ModelRequest(
                purpose: .judge, system: "",
                messages: [
                    ChatMessage(
                        role: .user,
                        content: "User Intent: \(query)\n\n"
                            + section.body.replacingOccurrences(of: "Response to the user:", with: "Bot response to the user:"))
                ],
                temperature: 0, maxTokens: request.maxTokens)
            let judgePrompt = JudgePrompt(check)
            var dice = SimulationDice(
                seed: seed, samplingMaterial: ["select", section.body],
                competenceMaterial: ["select", query, judgePrompt.response ?? ""], temperature: 0)
            let answer = policy(forTask: query).judge(judgePrompt, dice: &dice)
            let parsed = VerdictParser.parse(answer)
            let actions = judgePrompt.actionHistory.split(whereSeparator: \.isNewline).count
            if case .success(let verdict) = parsed, verdict.status == .success {
                accepted.append((section.number, actions))
                notes.append("Candidate \(section.number) looks right (\(actions) actions): \(PromptText.oneLine(verdict.thoughts))")
            } else if case .success(let verdict) = parsed {
                notes.append("Candidate \(section.number) falls short: \(PromptText.oneLine(verdict.thoughts))")
            } else {
                notes.append("Candidate \(section.number) is unclear to me.")
            }
        }
        let best = accepted.min { $0.actions < $1.actions }?.number ?? prompt.sections[0].number
        let why =
            accepted.isEmpty
            ? "None looks clearly right, so I take candidate \(best)."
            : accepted.count == 1
                ? "Candidate \(best) is the one that looks right."
                : "Of those that look right, candidate \(best) got there with the fewest actions."
        return "Thoughts: " + notes.joined(separator: " ") + " " + why + "\nBest: \(best)"
    }

    /// Whether two items say much the same thing (at least half their words shared).
    static func overlaps(_ first: ExtractedItem, _ second: ExtractedItem) -> Bool {
        let words = { (item: ExtractedItem) in
            Set((item.title + " " + item.content).lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count > 3 })
        }
        let a = words(first)
        let b = words(second)
        guard !a.isEmpty, !b.isEmpty else { return first.title.lowercased() == second.title.lowercased() }
        return Double(a.intersection(b).count) / Double(min(a.count, b.count)) >= 0.6
    }

    static func numbered(reasoning: String, items: [ExtractedItem]) -> String {
        reasoning + "\n\n" + items.enumerated().map { $0.element.markdown(index: $0.offset + 1) }.joined(separator: "\n\n")
    }
}

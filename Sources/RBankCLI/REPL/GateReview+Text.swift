import Foundation
import ReasoningBank

/// The gate as lines of text: what is about to happen, the choices, and everything in full on request.
extension GateReview {
    /// What is about to happen: the gate, then the memories, the prompt's last turn, the trajectory's end
    /// or the items, as they stand after any edits.
    var summary: String {
        switch gate {
        case .beforeInjection(let task, _):
            let heading = "‖ step · before injection · task \(task.id)"
            guard !memories.isEmpty else { return heading + "\n  No memories were retrieved: the agent's prompt gets none." }
            let entries = memories.map { ("\($0.id) \"\($0.title)\"", $0.description) }
            return ([heading, "  These memories are about to be injected into the agent's prompt:"]
                + Self.numbered(entries, marked: dropped, as: "dropped")).joined(separator: "\n")
        case .beforeModelCall(let original, let step):
            let request = self.request ?? original
            let edited = request != original ? " · edited" : ""
            var lines = [
                "‖ step · before model call · \(request.purpose.rawValue)\(step > 0 ? " · step \(step)" : "") · temperature \(request.temperature)\(edited)",
                "  system prompt \(request.system.count) characters · \(request.messages.count) turn\(request.messages.count == 1 ? "" : "s")",
            ]
            if let last = request.messages.last {
                var turnLines = last.content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                while turnLines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { turnLines.removeLast() }
                let shown = turnLines.suffix(6)
                lines.append("  the last [\(last.role.rawValue)] turn ends:" + (turnLines.count > shown.count ? " (\(Self.lines(turnLines.count - shown.count)) above; p prints it all)" : ""))
                lines += shown.map { "    " + RunPrinter.clip($0, 110) }
            }
            return lines.joined(separator: "\n")
        case .beforeJudging(let trajectory):
            let answer = trajectory.finalAnswer.map { "final answer \"\(RunPrinter.clip($0, 80))\"" } ?? "no final answer"
            var lines = ["‖ step · before judging · \(trajectory.steps.count) step\(trajectory.steps.count == 1 ? "" : "s") · \(answer)"]
            if let step = trajectory.steps.last { lines.append("  last action: \(RunPrinter.clip(step.action, 110))") }
            lines.append("  The judge is about to decide whether the task succeeded.")
            return lines.joined(separator: "\n")
        case .beforeConsolidation(let verdict, _):
            let heading = "‖ step · before consolidation · verdict \(verdict.status?.rawValue ?? "unparsed")"
            guard !items.isEmpty else { return heading + "\n  Nothing was extracted: nothing will be stored." }
            let entries = items.map { ("\"\($0.title)\"", $0.description) }
            return ([heading, "  These items are about to be stored in the bank:"]
                + Self.numbered(entries, marked: rejected, as: "rejected")).joined(separator: "\n")
        }
    }

    /// Numbered entries, each a heading (marked when its index is in `marked`) over its clipped description.
    private static func numbered(_ entries: [(heading: String, description: String)], marked: Set<Int>, as mark: String) -> [String] {
        entries.enumerated().flatMap { index, entry in
            [
                "    \(index + 1). \(entry.heading)" + (marked.contains(index) ? "  [\(mark)]" : ""),
                "       \(RunPrinter.clip(entry.description, 110))",
            ]
        }
    }

    private static func lines(_ count: Int) -> String { count == 1 ? "1 line" : "\(count) lines" }

    /// The choices at this gate, on one line.
    var choices: String {
        let common = "[g]o on without stopping  [q]uit the run"
        switch gate {
        case .beforeInjection:
            return "  [c]ontinue  [s]kip: inject none  [d N] drop/keep N  [e N] edit N in $EDITOR  [p]rint  " + common
        case .beforeModelCall:
            return "  [c]ontinue  [p]rint the prompt  [e]dit it in $EDITOR  " + common
        case .beforeJudging:
            return "  [c]ontinue: the judge decides  [y] call it a success  [n] call it a failure  [p]rint the trajectory  " + common
        case .beforeConsolidation(let verdict, _):
            let flipped = verdict.status == .success ? "failure" : "success"
            return "  [c]ontinue  [s]kip: store nothing  [x N] reject/keep N  [e N] edit N in $EDITOR  [o] make it a \(flipped)  [p]rint  "
                + common
        }
    }

    /// What each choice does, for `?`.
    var help: String {
        var lines = [
            "At this gate (Enter alone continues):",
            "  c, continue   go on with what is shown (with your edits)",
        ]
        switch gate {
        case .beforeInjection:
            lines += [
                "  s, skip       inject no memories", "  d N, drop N   drop memory N (again to keep it)",
                "  e N, edit N   edit memory N in $EDITOR for this run (the bank is not changed)",
                "  p, print      print the memories in full",
            ]
        case .beforeModelCall:
            lines += ["  p, print      print the whole prompt", "  e, edit       edit the prompt in $EDITOR before it is sent"]
        case .beforeJudging:
            lines += [
                "  y, yes        skip the judge: the run succeeded", "  n, no         skip the judge: the run failed",
                "  p, print      print the trajectory",
            ]
        case .beforeConsolidation:
            lines += [
                "  s, skip       store nothing from this run", "  x N, reject N reject item N (again to keep it)",
                "  e N, edit N   edit item N in $EDITOR", "  o, override   flip the verdict", "  p, print      print the items in full",
            ]
        }
        lines += [
            "  g, go         release this gate and stop asking for the rest of the run",
            "  q, quit       cancel the run (Ctrl-C does the same); it is recorded as cancelled",
        ]
        return lines.joined(separator: "\n")
    }

    /// Everything the gate holds, unabridged: the memories, the prompt, the trajectory or the items.
    var fullText: String {
        switch gate {
        case .beforeInjection:
            guard !memories.isEmpty else { return "No memories." }
            return memories.enumerated().map { index, memory in
                "\(index + 1). \(memory.id)\n" + text(for: .memory(index))
            }.joined(separator: "\n")
        case .beforeModelCall:
            return text(for: .prompt)
        case .beforeJudging(let trajectory):
            return trajectory.transcript
        case .beforeConsolidation:
            guard !items.isEmpty else { return "No items." }
            return items.indices.map { "\($0 + 1).\n" + text(for: .item($0)) }.joined(separator: "\n")
        }
    }
}

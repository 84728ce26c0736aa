import Foundation
import LineREPL
import ReasoningBank
import Synchronization

/// Step mode on a line terminal (`rbank run --step`, also in the REPL): at each gate it prints what is
/// about to happen and asks, reading the answer from `input` — the REPL's prompt, or standard input, so
/// a script can answer too. Ctrl-C at the question (or cancelling the run) quits the run; the end of
/// input lets the run go on without stopping.
final class TerminalGateControl: RunControl {
    private let input: any LineSource
    private let write: @Sendable (String) -> Void
    private let edit: @Sendable (String) async -> String?
    /// False once the person chose to go on without stopping.
    private let stepping = Atomic(true)

    /// `write` prints a block of text; `edit` opens a text in `$EDITOR` and returns the edit (nil: unchanged).
    init(
        input: any LineSource, write: @escaping @Sendable (String) -> Void,
        edit: @escaping @Sendable (String) async -> String? = { await EditorSession.edit($0) }
    ) {
        self.input = input
        self.write = write
        self.edit = edit
    }

    func decide(at gate: Gate) async -> GateDecision {
        guard stepping.load(ordering: .relaxed) else { return .proceed }
        var review = GateReview(gate)
        write(review.summary + "\n" + review.choices)
        while true {
            if Task.isCancelled { return .cancel }
            let input = self.input
            let read = await withTaskCancellationHandler {
                await input.readLine(prompt: "step> ", remember: false)
            } onCancel: {
                input.interrupt()
            }
            if Task.isCancelled { return .cancel }
            switch read {
            case .interrupted:
                write("Quitting the run; it is recorded as cancelled.")
                return .cancel
            case .end:
                stepping.store(false, ordering: .relaxed)
                write("End of input: the run goes on without stopping.")
                return review.decision
            case .line(let line):
                switch review.answer(line) {
                case .decide(let decision):
                    return decision
                case .stopStepping(let decision):
                    stepping.store(false, ordering: .relaxed)
                    write("Going on without stopping for the rest of this run.")
                    return decision
                case .show(let text):
                    write(text)
                case .edit(let target):
                    if let edited = await edit(review.text(for: target)) {
                        write(review.applyEdit(edited, to: target))
                    } else {
                        write("The editor closed without changes; nothing was changed.")
                    }
                    write(review.summary + "\n" + review.choices)
                }
            }
        }
    }
}

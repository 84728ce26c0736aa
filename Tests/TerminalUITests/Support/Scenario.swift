import Foundation
import ReasoningBank

@testable import TerminalUI

/// States reached the way the workbench reaches them: by feeding messages through `reduce`.
enum Scenario {
    /// Applies `messages` in order; returns every effect asked for.
    @discardableResult
    static func send(_ state: inout AppState, _ messages: [AppMessage]) -> [AppEffect] {
        messages.flatMap { WorkbenchProgram.reduce(&state, $0) }
    }

    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [AppEffect] {
        send(&state, keys.map(AppMessage.key))
    }

    static func keys(_ text: String) -> [AppMessage] { text.map { .key(.character($0)) } }

    static func runIdle(_ size: Size) -> AppState {
        var state = Sample.state(size: size)
        send(&state, [.tasksLoaded(environment: "shop", Sample.tasks)])
        return state
    }

    /// Three steps done, the fourth streaming in.
    static func runMidRun(_ size: Size) -> AppState {
        var state = runIdle(size)
        send(&state, Sample.events(steps: 3).map(AppMessage.engine))
        for piece in ["Thought: The page of the best-rated product is open, ", "so the task is done. I tell the user.\n", "Action: send_msg_"] {
            send(&state, [.engine(.modelDelta(.agent, piece))])
        }
        return state
    }

    static func runFinished(_ size: Size) -> AppState {
        var state = runMidRun(size)
        send(&state, [
            .engine(.step(Sample.finishedRecord().trajectory.steps[3])), .engine(.judged(Sample.verdict, Sample.truth)),
            .engine(.extracted(Sample.extracted)), .engine(.consolidated(Sample.experience)), .engine(.finished(Sample.finishedRecord())),
        ])
        return state
    }

    /// A run in step mode held at `gate`. Before injection nothing is retrieved yet (the loop reports
    /// retrieval after the gate); later gates come after retrieval and `steps` steps.
    static func gate(_ gate: Gate, _ size: Size, steps: Int = 0) -> AppState {
        var state = runIdle(size)
        send(&state, [.key(.character("s"))])
        if case .beforeInjection = gate {
            send(&state, [.engine(.started(Sample.record()))])
        } else {
            send(&state, Sample.events(steps: steps).map(AppMessage.engine))
        }
        send(&state, [.gateHeld(GateTicket(id: 7, gate: gate))])
        return state
    }

    static func injectionGate(_ size: Size) -> AppState {
        var state = Scenario.gate(.beforeInjection(task: Sample.task, memories: [Sample.sortItem, Sample.messageItem]), size)
        press(&state, .character("j"), .character("d"))
        return state
    }

    static func modelCallGate(_ size: Size) -> AppState {
        gate(.beforeModelCall(Sample.request, step: 1), size, steps: 0)
    }

    static func judgingGate(_ size: Size) -> AppState {
        gate(.beforeJudging(Sample.finishedRecord().trajectory), size, steps: 3)
    }

    static func consolidationGate(_ size: Size) -> AppState {
        var state = gate(.beforeConsolidation(verdict: Sample.verdict, items: Sample.extracted), size, steps: 3)
        send(&state, [.engine(.judged(Sample.verdict, Sample.truth)), .engine(.extracted(Sample.extracted))])
        press(&state, .character("j"), .character("x"))
        return state
    }

    static func bank(_ size: Size) -> AppState {
        var state = runIdle(size)
        press(&state, .character("2"))
        send(&state, [.itemsLoaded(Sample.bankItems, scores: [:]), .itemLoaded(Sample.sortItem, Sample.usage, Sample.revisions)])
        press(&state, .character("m"), .character("j"), .character("m"), .character("k"))
        send(&state, [.itemLoaded(Sample.sortItem, Sample.usage, Sample.revisions)])
        state.status = nil
        return state
    }

    static func bankHistory(_ size: Size) -> AppState {
        var state = bank(size)
        press(&state, .character("h"), .character("j"))
        return state
    }

    static func cancelQuestion(_ size: Size) -> AppState {
        var state = runMidRun(size)
        press(&state, .escape)
        return state
    }

    static func bankDiff(_ size: Size) -> AppState {
        var state = bank(size)
        press(&state, .character("h"), .character("j"), .enter)
        return state
    }

    static func runsList(_ size: Size) -> AppState {
        var state = runIdle(size)
        press(&state, .character("3"))
        send(&state, [.runsLoaded(Sample.summaries, [Sample.bench()])])
        return state
    }

    static func openedRun(_ size: Size) -> AppState {
        var state = runsList(size)
        press(&state, .enter)
        send(&state, [.runLoaded(Sample.finishedRecord())])
        press(&state, .character("j"))
        return state
    }

    static func help(_ size: Size) -> AppState {
        var state = runIdle(size)
        press(&state, .character("?"))
        return state
    }

    static let statsOutput = """
        bank         data/rbank.sqlite
        experiences  64
        items        131 active, 4 archived, 2 pinned
        by verdict   failure 17, success 118
        by source    extracted 135
        runs         65 (success 59, failure 6)
        embeddings   hashing-384 64
        changes      9 (1 undone)
        """

    static func paletteOutput(_ size: Size) -> AppState {
        var state = runIdle(size)
        press(&state, .character(":"))
        send(&state, keys("bank stats") + [.key(.enter), .commandOutput(title: "bank stats", text: statsOutput)])
        return state
    }

    static func palette(_ size: Size) -> AppState {
        var state = runIdle(size)
        press(&state, .character(":"))
        send(&state, keys("bank search sort"))
        return state
    }

    static func taskPicker(_ size: Size) -> AppState {
        var state = runIdle(size)
        press(&state, .character("r"), .down)
        return state
    }
}

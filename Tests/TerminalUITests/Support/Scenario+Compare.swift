import Foundation
import ReasoningBank

@testable import TerminalUI

/// Compare screen states, reached by feeding the sample comparisons' events through `reduce`.
extension Scenario {
    static func compareIdle(_ size: Size) -> AppState {
        var state = runIdle(size)
        press(&state, .character("4"))
        return state
    }

    /// Parallel k=3 under way: trajectory 3 ended, trajectory 1 streams its third step.
    static func compareParallelMidStream(_ size: Size) -> AppState {
        var state = compareIdle(size)
        send(&state, Sample.scalingEventsMidStream().map(AppMessage.engine))
        return state
    }

    /// Parallel k=3 finished: trajectory 3 chosen, pass@1 on trajectory 2, two contrastive items stored.
    static func compareParallelFinished(_ size: Size) -> AppState { compareEnded(Sample.scalingEventsFinished(), size) }

    static func compareSequential(_ size: Size) -> AppState { compareEnded(Sample.sequentialEvents(), size) }

    static func compareErroredAttempt(_ size: Size) -> AppState { compareEnded(Sample.erroredAttemptEvents(), size) }

    /// The Compare screen after a MaTTS run's `events`, its end's flash cleared.
    static func compareEnded(_ events: [RunEvent], _ size: Size) -> AppState {
        var state = compareIdle(size)
        send(&state, events.map(AppMessage.engine))
        state.status = nil
        return state
    }

    static func compareMemory(_ size: Size) -> AppState {
        var state = compareIdle(size)
        send(&state, Sample.memoryComparisonMessages())
        return state
    }
}

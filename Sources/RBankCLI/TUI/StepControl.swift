import Foundation
import ReasoningBank
import TerminalUI

/// The TUI's `RunControl`. Unattended it proceeds; in step mode it holds each gate: it hands the gate
/// to the screen as a `GateTicket` and waits for the person's decision. Turning step mode off releases
/// a held gate with `proceed`; cancelling the run releases it with `cancel`.
actor StepControl: RunControl {
    private var enabled: Bool
    private var nextTicket = 1
    private var waiting: [Int: CheckedContinuation<GateDecision, Never>] = [:]
    private let hold: @Sendable (GateTicket) -> Void

    /// `hold` shows a held gate (sends `.gateHeld` to the screen).
    init(enabled: Bool, hold: @escaping @Sendable (GateTicket) -> Void) {
        self.enabled = enabled
        self.hold = hold
    }

    var isEnabled: Bool { enabled }

    func setEnabled(_ on: Bool) {
        enabled = on
        if !on { releaseAll(with: .proceed) }
    }

    /// The person decided at gate `ticket`. Unknown tickets (already released) are ignored.
    func resolve(_ ticket: Int, _ decision: GateDecision) {
        waiting.removeValue(forKey: ticket)?.resume(returning: decision)
    }

    /// Releases every held gate, e.g. when the run is cancelled.
    func releaseAll(with decision: GateDecision) {
        let held = waiting
        waiting.removeAll()
        for continuation in held.values { continuation.resume(returning: decision) }
    }

    nonisolated func decide(at gate: Gate) async -> GateDecision {
        await withTaskCancellationHandler {
            await wait(at: gate)
        } onCancel: {
            Task { await self.releaseAll(with: .cancel) }
        }
    }

    private func wait(at gate: Gate) async -> GateDecision {
        guard enabled, !Task.isCancelled else { return Task.isCancelled ? .cancel : .proceed }
        let ticket = nextTicket
        nextTicket += 1
        return await withCheckedContinuation { continuation in
            waiting[ticket] = continuation
            hold(GateTicket(id: ticket, gate: gate))
        }
    }
}

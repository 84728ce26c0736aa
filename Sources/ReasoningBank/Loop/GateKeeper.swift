import Foundation

/// Asks the `RunControl` at a gate and records every decision that is not `proceed`.
struct GateKeeper: Sendable {
    var control: any RunControl
    var clock: any RunClock

    func ask(_ gate: Gate, overrides: inout [GateOverride]) async throws -> GateDecision {
        try Task.checkCancellation()
        let decision = await control.decide(at: gate)
        if let summary = Self.summary(of: decision) {
            overrides.append(GateOverride(gate: gate.name, summary: summary, at: clock.now()))
        }
        if decision == .cancel { throw CancellationError() }
        return decision
    }

    private static func summary(of decision: GateDecision) -> String? {
        switch decision {
        case .proceed: nil
        case .injectInstead(let items): "injected \(items.count) memories chosen by hand: \(items.map(\.id).joined(separator: ", "))"
        case .sendInstead: "edited the prompt before sending it"
        case .overrideVerdict(let status): "set the verdict to \(status.rawValue)"
        case .consolidateInstead(let items): "consolidated \(items.count) items chosen or edited by hand"
        case .skipConsolidation: "skipped consolidation"
        case .cancel: "cancelled the run"
        }
    }
}

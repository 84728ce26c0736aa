import ReasoningBank

/// The run's events folded into the Run screen's state (a MaTTS run's go to the Compare screen).
extension AppState {
    mutating func apply(_ event: RunEvent) -> [AppEffect] {
        if routesToComparison(event) { return applyScaling(event) }
        if case .started(let record) = event {
            run.live = LiveRun(record: record)
            run.selectedStep = nil
            run.stepScroll = 0
            run.paneScroll = [:]
            run.unfolded = []
            gate = nil
            screen = .run
            status = nil
            return []
        }
        if case .finished(let record) = event { return end(record) }
        if case .failed(let record) = event { return end(record) }
        guard var live = run.live else { return [] }
        live.fold(event)
        run.live = live
        return []
    }

    /// The run ended: keep its final record, drop a gate or question about it, and refresh the lists it
    /// changed.
    private mutating func end(_ record: RunRecord) -> [AppEffect] {
        var live = run.live.flatMap { $0.record.id == record.id ? $0 : nil } ?? LiveRun(record: record)
        live.end(with: record)
        run.live = live
        gate = nil
        switch overlay {
        case .confirm(.cancelRun), .confirm(.cancelAtGate), .confirm(.quit): overlay = nil
        default: break
        }
        return announceEnd(of: record, "Run \(record.id) ended: \(record.status.rawValue) · " + DisplayFormat.plural(record.trajectory.steps.count, "step"))
    }

    /// Flashes `summary` of how `record` ended (with its error, if any) and asks for the lists it changed:
    /// the run history, and the bank when it stored items.
    mutating func announceEnd(of record: RunRecord, _ summary: String) -> [AppEffect] {
        switch record.status {
        case .success: flash(summary + ".", .success)
        case .error: flash(summary + (record.errorMessage.map { " — " + $0 } ?? "."), .failure)
        default: flash(summary + (record.errorMessage.map { " — " + $0 } ?? "."), .warning)
        }
        var effects: [AppEffect] = [.loadRuns]
        if !record.storedItemIDs.isEmpty, bank.hasLoaded { effects.append(reloadItems()) }
        return effects
    }
}

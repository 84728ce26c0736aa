import ReasoningBank

/// A comparison's events folded into the Compare screen: a MaTTS run's (they arrive as `.engine`
/// events, told apart by the scaling log on their record) and the two runs of a memory comparison
/// (`.memoryComparison`).
extension AppState {
    /// Whether `event` belongs to the MaTTS run on the Compare screen rather than to the Run screen.
    /// The host runs one thing at a time, so a run's unmarked events go where its start went.
    func routesToComparison(_ event: RunEvent) -> Bool {
        switch event {
        case .started(let record), .finished(let record), .failed(let record):
            record.scaling != nil
        case .attempt, .attemptEnded, .selected:
            true
        case .retrieved, .modelDelta, .step, .judged, .extracted, .consolidated:
            compare.comparison?.main?.isRunning == true
        }
    }

    // MARK: MaTTS

    /// Folds an event of a MaTTS run: an attempt's into its column, the rest into the run as a whole.
    mutating func applyScaling(_ event: RunEvent) -> [AppEffect] {
        switch event {
        case .started(let record):
            guard let log = record.scaling else { return [] }
            begin(Comparison(scaling: record, log: log))
            return []
        case .finished(let record), .failed(let record):
            return endScaling(record)
        default:
            break
        }
        guard var comparison = compare.comparison, var main = comparison.main else { return [] }
        switch event {
        case .attempt(let index, let inner):
            guard comparison.columns.indices.contains(index) else { return [] }
            var live = comparison.columns[index].live ?? LiveRun(record: Self.attemptRecord(main.record))
            live.fold(inner)
            comparison.columns[index].live = live
        case .attemptEnded(let attempt):
            guard comparison.columns.indices.contains(attempt.index) else { return [] }
            var live = comparison.columns[attempt.index].live ?? LiveRun(record: Self.attemptRecord(main.record))
            live.end(with: attempt)
            comparison.columns[attempt.index].live = live
        case .selected(let selection):
            comparison.selection = selection
        default:
            main.fold(event)
            comparison.main = main
        }
        compare.comparison = comparison
        return []
    }

    /// The MaTTS run ended: its record's scaling log is the final word on every attempt, the choice and
    /// pass@1. Columns still running end with the run (cancelled, or broken with it).
    private mutating func endScaling(_ record: RunRecord) -> [AppEffect] {
        guard let log = record.scaling else { return [] }
        var comparison =
            compare.comparison.flatMap { $0.main?.record.id == record.id ? $0 : nil } ?? Comparison(scaling: record, log: log)
        var main = comparison.main ?? LiveRun(record: record)
        main.end(with: record)
        comparison.main = main
        for attempt in log.attempts where comparison.columns.indices.contains(attempt.index) {
            var live = comparison.columns[attempt.index].live ?? LiveRun(record: Self.attemptRecord(record))
            live.end(with: attempt)
            comparison.columns[attempt.index].live = live
        }
        for index in comparison.columns.indices where comparison.columns[index].isRunning {
            comparison.columns[index].live?.record.status = record.status == .error ? .error : .cancelled
            comparison.columns[index].live?.record.errorMessage = record.errorMessage
            comparison.columns[index].live?.endStreaming()
        }
        comparison.selection = log.selection ?? comparison.selection
        compare.comparison = comparison
        dropQuestionsAboutRunning()

        let chosen = comparison.chosenIndex.flatMap { comparison.columns.indices.contains($0) ? comparison.columns[$0].title.lowercased() : nil }
        var summary = "MaTTS \(comparison.kind.label) ended: \(record.status.rawValue)"
        if let chosen { summary += log.mode == .parallel && log.k > 1 ? " · \(chosen) chosen" : " · \(chosen) final" }
        return announceEnd(of: record, summary)
    }

    /// An attempt's record before it has events: the run's task and settings, with nothing done yet.
    static func attemptRecord(_ run: RunRecord) -> RunRecord {
        var record = run
        record.scaling = nil
        record.status = .running
        record.trajectory = Trajectory()
        record.verdict = nil
        record.groundTruth = nil
        record.auxiliaryCalls = []
        record.extracted = []
        record.storedItemIDs = []
        record.experienceID = nil
        record.errorMessage = nil
        return record
    }

    // MARK: Memory vs none

    /// Folds an event of one side of a memory comparison into its column. A side's start joins the
    /// comparison in progress, or begins a new one when that side has run already.
    mutating func applyMemoryComparison(_ side: MemoryComparisonSide, _ event: RunEvent) -> [AppEffect] {
        let index = side.rawValue
        if case .started(let record) = event {
            let current = compare.comparison
            if current?.kind != .memoryVsNone || current?.task.id != record.task.id || current?.columns[index].hasStarted == true {
                begin(Comparison(memoryComparisonOf: record.task))
            }
            compare.comparison?.columns[index].live = LiveRun(record: record)
            return []
        }
        guard var comparison = compare.comparison, comparison.kind == .memoryVsNone,
            var live = comparison.columns[index].live
        else { return [] }
        switch event {
        case .finished(let record), .failed(let record):
            guard live.record.id == record.id else { return [] }
            live.end(with: record)
            comparison.columns[index].live = live
            compare.comparison = comparison
            return comparison.isRunning ? [] : endMemoryComparison(comparison)
        default:
            live.fold(event)
            comparison.columns[index].live = live
            compare.comparison = comparison
            return []
        }
    }

    /// Both sides ended: say how each did against the ground truth, and refresh the lists they changed.
    private mutating func endMemoryComparison(_ comparison: Comparison) -> [AppEffect] {
        dropQuestionsAboutRunning()
        let records = comparison.columns.compactMap { $0.live?.record }
        let sides = zip(MemoryComparisonSide.allCases, records).map { side, record in
            "\(side.title.lowercased()) \(Self.outcome(record))"
        }
        let broken = records.contains { $0.status == .error || $0.status == .cancelled }
        flash("Memory vs none: " + sides.joined(separator: " · ") + ".", broken ? .warning : .success)
        var effects: [AppEffect] = [.loadRuns]
        if records.contains(where: { !$0.storedItemIDs.isEmpty }), bank.hasLoaded { effects.append(reloadItems()) }
        return effects
    }

    /// `✓ success` by the ground truth when it is known, else the run's status.
    static func outcome(_ record: RunRecord) -> String {
        if let truth = record.groundTruth, record.status != .error, record.status != .cancelled {
            return DisplayFormat.verdict(truth.success ? .success : .failure)
        }
        return record.status.rawValue
    }

    // MARK: Shared

    /// Shows `comparison` from its start: columns from the first, following their ends.
    private mutating func begin(_ comparison: Comparison) {
        compare.comparison = comparison
        compare.cursor = 0
        compare.firstColumn = 0
        compare.columnScroll = nil
        compare.outcomeScroll = 0
        screen = .compare
        status = nil
    }

    /// A question about cancelling or quitting has nothing left to ask once nothing runs.
    private mutating func dropQuestionsAboutRunning() {
        switch overlay {
        case .confirm(.cancelComparison): overlay = nil
        case .confirm(.quit) where !isBusy: overlay = nil
        default: break
        }
    }
}

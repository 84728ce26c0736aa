import ReasoningBank

/// The host's answers to effects: tasks, bank items, runs, and bank changes.
extension AppState {
    mutating func tasksLoaded(_ tasks: [TaskSpec], environment: String) {
        self.environment = environment
        run.tasks = tasks
        run.tasksRequested = false
        if case .taskPicker(var picker) = overlay {
            picker.cursor.clamp(count: picker.matches(tasks).count, visible: OverlayView.pickerVisibleRows(self))
            overlay = .taskPicker(picker)
        }
    }

    /// A new list: the selection stays on the same item when it is still listed, and its detail is asked for.
    mutating func itemsLoaded(_ items: [MemoryItem], scores: [String: Double]) -> [AppEffect] {
        let previous = bank.selectedItem?.id
        bank.items = items
        bank.scores = scores
        bank.hasLoaded = true
        if let previous, let index = items.firstIndex(where: { $0.id == previous }) { bank.cursor.selection = index }
        bank.cursor.clamp(count: items.count, visible: BankScreenView.visibleItems(self))
        guard let selected = bank.selectedItem else {
            bank.detail = nil
            bank.requestedItemID = nil
            bank.mode = .fields
            return []
        }
        if selected.id != previous {
            bank.mode = .fields
            bank.detailScroll = 0
        }
        return requestDetail()
    }

    mutating func itemLoaded(_ item: MemoryItem, usage: ItemUsage, revisions: [ItemRevision]) {
        guard item.id == bank.requestedItemID || item.id == bank.selectedItem?.id else { return }
        bank.detail = BankDetail(item: item, usage: usage, revisions: revisions)
        if let index = bank.items.firstIndex(where: { $0.id == item.id }) { bank.items[index] = item }
        bank.historyCursor.clamp(count: revisions.count, visible: max(1, revisions.count))
        if case .diff(let revision) = bank.mode, !revisions.contains(where: { $0.revision == revision }) { bank.mode = .history }
    }

    /// A change to the bank: say what, then reload the list and the selected item's detail.
    mutating func bankChanged(_ text: String) -> [AppEffect] {
        flash(text, .success)
        var effects = [reloadItems()]
        if let id = bank.selectedItem?.id {
            bank.requestedItemID = id
            effects.append(.loadItem(id: id))
        }
        return effects
    }

    mutating func runsLoaded(_ summaries: [RunSummary], benches: [BenchResult]) {
        let previousRun = runs.selectedRun?.id
        let previousBench = runs.selectedBench?.id
        runs.runs = summaries
        runs.benches = benches
        runs.hasLoaded = true
        if let previousRun, let index = summaries.firstIndex(where: { $0.id == previousRun }) { runs.runCursor.selection = index }
        if let previousBench, let index = benches.firstIndex(where: { $0.id == previousBench }) { runs.benchCursor.selection = index }
        runs.runCursor.clamp(count: summaries.count, visible: RunsScreenView.visibleRows(self, focus: .runs))
        runs.benchCursor.clamp(count: benches.count, visible: RunsScreenView.visibleRows(self, focus: .benches))
    }

    mutating func runLoaded(_ record: RunRecord) {
        guard runs.requestedRunID == nil || runs.requestedRunID == record.id else { return }
        runs.requestedRunID = nil
        runs.opened = OpenedRun(record: record)
    }
}

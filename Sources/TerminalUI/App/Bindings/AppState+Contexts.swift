/// Which bindings apply in a state: for dispatch, help and the bottom bar.
extension AppState {
    /// The contexts keys are looked up in, most specific first.
    var keyContexts: [BindingContext] {
        if let overlay {
            switch overlay {
            case .help: return [.help, .always]
            case .palette: return [.palette, .lineEditing, .always]
            case .output: return [.output, .always]
            case .confirm: return [.confirm, .always]
            case .taskPicker: return [.taskPicker, .lineEditing, .always]
            }
        }
        switch screen {
        case .run:
            if let gate { return [gate.context, .gate, .always] }
            return [.run, .global, .always]
        case .bank:
            switch bank.input {
            case .search: return [.search, .lineEditing, .always]
            case .title: return [.titleInput, .lineEditing, .always]
            case nil: break
            }
            let pane: BindingContext =
                switch (bank.focus, bank.mode) {
                case (.list, _): .bankList
                case (.detail, .fields): .bankDetail
                case (.detail, .history): .bankHistory
                case (.detail, .diff): .bankDiff
                }
            return [pane, .bank, .global, .always]
        case .runs:
            return [runs.opened == nil ? .runsList : .runDetail, .global, .always]
        case .compare:
            return [.compare, .global, .always]
        }
    }

    /// The sections of help, generated from the binding table: the contexts in force now (bindings
    /// another context in force overrides are left out), then every other context of this screen and
    /// the inputs and dialogs it opens, then the bindings that work everywhere.
    var helpSections: [(title: String, bindings: [KeyBinding])] {
        var below = self
        if case .help = overlay { below.overlay = nil }
        let active = below.keyContexts
        let screenContexts: [BindingContext] =
            switch screen {
            case .run: [.run, .taskPicker, .gate, .gateInjection, .gateModelCall, .gateJudging, .gateConsolidation, .confirm]
            case .bank: [.bankList, .bankDetail, .bankHistory, .bankDiff, .bank, .search, .titleInput]
            case .runs: [.runsList, .runDetail]
            case .compare: [.compare, .taskPicker, .confirm]
            }
        let everywhere: [BindingContext] = [.global, .always]
        var order: [BindingContext] = []
        for context in active + screenContexts + [.palette, .lineEditing, .output, .help]
        where !everywhere.contains(context) && !order.contains(context) {
            order.append(context)
        }
        // Keys already taken by a context in force, so a later context in force does not list them again.
        var taken: Set<Key> = []
        var shown: [BindingContext: [KeyBinding]] = [:]
        for context in active + everywhere where shown[context] == nil {
            let bindings = KeyBinding.bindings(in: context)
            shown[context] = active.contains(context) ? bindings.filter { !Set($0.keys).isSubset(of: taken) } : bindings
            if active.contains(context) { for binding in bindings { taken.formUnion(binding.keys) } }
        }
        var sections: [(title: String, bindings: [KeyBinding])] = order.map { context in
            (context.title, shown[context] ?? KeyBinding.bindings(in: context))
        }
        sections.append((BindingContext.global.title, everywhere.flatMap { shown[$0] ?? KeyBinding.bindings(in: $0) }))
        return sections.filter { !$0.bindings.isEmpty }
    }

    /// Most bindings the bottom bar shows, help not counted.
    static let barLimit = 7

    /// The bindings the bottom bar shows, in order: the focused context's first, at most `barLimit`, help last.
    var barBindings: [KeyBinding] {
        var seen: Set<Key> = []
        var result: [KeyBinding] = []
        var helpBinding: KeyBinding?
        for context in keyContexts {
            for binding in KeyBinding.bindings(in: context) {
                let fresh = binding.keys.filter { !seen.contains($0) }
                seen.formUnion(binding.keys)
                guard !fresh.isEmpty, binding.barLabel != nil, isOffered(binding) else { continue }
                if binding.command == .help { helpBinding = helpBinding ?? binding } else { result.append(binding) }
            }
        }
        return Array(result.prefix(Self.barLimit)) + (helpBinding.map { [$0] } ?? [])
    }

    /// Whether the bar should offer `binding` now (cancelling needs a run in progress, and so on).
    private func isOffered(_ binding: KeyBinding) -> Bool {
        switch binding.command {
        case .cancelRun: screen == .compare ? compare.isRunning : run.isRunning
        case .nextColumn: (compare.comparison?.columns.count ?? 0) > 1
        case .toggleFold: run.focus == .trajectory && !(run.live?.steps.isEmpty ?? true)
        case .editItem, .archiveOrRestore, .togglePin, .history: bank.selectedItem != nil
        case .undo: bank.hasLoaded
        case .open: screen != .runs || (runs.focus == .runs ? !runs.runs.isEmpty : !runs.benches.isEmpty)
        default: true
        }
    }
}

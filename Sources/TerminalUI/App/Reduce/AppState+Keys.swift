/// Key dispatch: a key is looked up in the binding table for the contexts in force; unbound printable
/// keys are typed into an open input.
extension AppState {
    mutating func handle(_ key: Key) -> [AppEffect] {
        status = nil
        let contexts = keyContexts
        if let binding = KeyBinding.lookup(key, in: contexts) {
            return perform(binding.command, in: binding.context)
        }
        if contexts.first?.acceptsText == true, case .character(let character) = key {
            editLine { $0.insert(character) }
        }
        return []
    }

    /// Runs `command`, bound in `context`.
    mutating func perform(_ command: WorkbenchCommand, in context: BindingContext) -> [AppEffect] {
        switch context {
        case .always, .global: performGlobal(command)
        case .run: performRun(command)
        case .bank, .bankList, .bankDetail, .bankHistory, .bankDiff: performBank(command)
        case .runsList, .runDetail: performRuns(command)
        case .compare: performCompare(command)
        case .gate, .gateInjection, .gateModelCall, .gateJudging, .gateConsolidation: performGate(command)
        case .help, .output: performReader(command)
        case .palette, .search, .titleInput, .taskPicker, .lineEditing: performInput(command)
        case .confirm: performConfirm(command)
        }
    }

    /// Commands that work on every screen; the rest (moving, focus, enter, esc) go to the screen.
    mutating func performGlobal(_ command: WorkbenchCommand) -> [AppEffect] {
        switch command {
        case .forceQuit:
            isFinished = true
            return [.quit]
        case .quit:
            if isBusy {
                overlay = .confirm(.quit)
                return []
            }
            isFinished = true
            return [.quit]
        case .help:
            overlay = .help(scroll: 0)
            return []
        case .palette:
            palette.open()
            overlay = .palette
            return []
        case .showScreen(let target):
            return show(target)
        default:
            switch screen {
            case .run: return performRun(command)
            case .bank: return performBank(command)
            case .runs: return performRuns(command)
            case .compare: return performCompare(command)
            }
        }
    }

    /// Switches to `target`, loading what it shows: the bank once, the run history every time.
    mutating func show(_ target: Screen) -> [AppEffect] {
        screen = target
        switch target {
        case .run: return []
        case .bank: return bank.hasLoaded ? [] : [reloadItems()]
        case .runs: return [.loadRuns]
        case .compare: return []
        }
    }

    /// Half the rows of a text area of `visible` rows: how far a page key moves.
    static func page(_ visible: Int) -> Int { max(1, visible / 2) }

    /// Where a moving command takes a position in 0…`last` (a selection or a scroll offset).
    static func target(_ command: WorkbenchCommand, from current: Int, last: Int, page: Int) -> Int {
        let moved: Int =
            switch command {
            case .moveDown, .nextStep: current + 1
            case .moveUp, .previousStep: current - 1
            case .pageDown: current + page
            case .pageUp: current - page
            case .top: 0
            case .bottom: last
            default: current
            }
        return clamp(moved, to: last)
    }

    /// `value` kept within 0…`maximum`.
    static func clamp(_ value: Int, to maximum: Int) -> Int { max(0, min(value, max(0, maximum))) }

    mutating func resize(to size: Size) {
        self.size = size
        bank.cursor.clamp(count: bank.items.count, visible: BankScreenView.visibleItems(self))
        runs.runCursor.clamp(count: runs.runs.count, visible: RunsScreenView.visibleRows(self, focus: .runs))
        runs.benchCursor.clamp(count: runs.benches.count, visible: RunsScreenView.visibleRows(self, focus: .benches))
    }
}

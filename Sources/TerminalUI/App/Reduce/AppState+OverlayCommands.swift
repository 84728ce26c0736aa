import Foundation
import ReasoningBank

/// The overlays' commands: scrolling help and output, answering questions, and the one-line inputs
/// (palette, task picker filter, bank search and title).
extension AppState {
    mutating func performReader(_ command: WorkbenchCommand) -> [AppEffect] {
        switch command {
        case .close:
            overlay = nil
        case .palette:
            palette.open()
            overlay = .palette
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            let (lines, visible) = OverlayView.readerLines(self)
            let last = lines.count - visible
            switch overlay {
            case .help(let scroll):
                overlay = .help(scroll: Self.target(command, from: scroll, last: last, page: Self.page(visible)))
            case .output(let title, let text, let scroll):
                overlay = .output(title: title, text: text, scroll: Self.target(command, from: scroll, last: last, page: Self.page(visible)))
            default:
                break
            }
        default:
            break
        }
        return []
    }

    mutating func performConfirm(_ command: WorkbenchCommand) -> [AppEffect] {
        guard case .confirm(let action) = overlay else { return [] }
        overlay = nil
        guard command == .confirm else { return [] }
        switch action {
        case .cancelRun:
            flash("Cancelling the run…")
            return [.cancelRun]
        case .cancelComparison:
            flash("Cancelling the comparison…")
            return [.cancelRun]
        case .cancelAtGate(let ticket):
            if gate?.ticket.id == ticket { gate = nil }
            flash("Cancelling the run…")
            return [.decide(ticket: ticket, .cancel)]
        case .quit:
            isFinished = true
            return [.quit]
        }
    }

    mutating func performInput(_ command: WorkbenchCommand) -> [AppEffect] {
        switch command {
        case .cursorLeft: editLine { $0.moveLeft() }
        case .cursorRight: editLine { $0.moveRight() }
        case .cursorStart: editLine { $0.moveToStart() }
        case .cursorEnd: editLine { $0.moveToEnd() }
        case .deleteBackward: editLine { $0.deleteBackward() }
        case .deleteForward: editLine { $0.deleteForward() }
        case .clearLine: editLine { $0.clear() }
        case .historyPrevious: palette.previous()
        case .historyNext: palette.next()
        case .moveDown, .moveUp, .pageDown, .pageUp:
            guard case .taskPicker(var picker) = overlay else { break }
            let count = picker.matches(run.tasks).count
            let visible = OverlayView.pickerVisibleRows(self)
            picker.cursor.select(
                Self.target(command, from: picker.cursor.selection, last: count - 1, page: Self.page(visible)), count: count, visible: visible)
            overlay = .taskPicker(picker)
        case .submit:
            return submitInput()
        case .close:
            if bank.input != nil, overlay == nil { bank.input = nil } else { overlay = nil }
        default:
            break
        }
        return []
    }

    /// Applies `edit` to the open input; a changed task filter puts the cursor back on the first match.
    mutating func editLine(_ edit: (inout LineInput) -> Void) {
        switch overlay {
        case .palette:
            edit(&palette.input)
        case .taskPicker(var picker):
            let before = picker.filter.text
            edit(&picker.filter)
            if picker.filter.text != before { picker.cursor = ListCursor() }
            overlay = .taskPicker(picker)
        default:
            guard var input = bank.input else { return }
            edit(&input.line)
            bank.input = input
        }
    }

    private mutating func submitInput() -> [AppEffect] {
        switch overlay {
        case .palette:
            overlay = nil
            guard let line = palette.submit() else { return [] }
            return [.runCommand(line)]
        case .taskPicker(let picker):
            let matches = picker.matches(run.tasks)
            guard matches.indices.contains(picker.cursor.selection) else { return [] }
            let task = matches[picker.cursor.selection]
            overlay = nil
            return start(task, as: picker.purpose)
        default:
            break
        }
        switch bank.input {
        case .search(let line):
            bank.input = nil
            bank.query = line.text.trimmingCharacters(in: .whitespaces)
            bank.cursor = ListCursor()
            return [reloadItems()]
        case .title(let id, let line):
            bank.input = nil
            let title = TextLayout.singleLine(line.text)
            guard !title.isEmpty else {
                flash("A title cannot be empty; the item keeps its title.", .warning)
                return []
            }
            let item = bank.detail?.item.id == id ? bank.detail?.item : bank.items.first { $0.id == id }
            guard var fields = item?.fields else { return [] }
            guard fields.title != title else { return [] }
            fields.title = title
            return [.editItem(id: id, fields)]
        case nil:
            return []
        }
    }

    /// Starts `task` as the picker was opened for: a run on the Run screen, or a comparison on the
    /// Compare screen.
    private mutating func start(_ task: TaskSpec, as purpose: TaskPicker.Purpose) -> [AppEffect] {
        switch purpose {
        case .run:
            screen = .run
            run.focus = .trajectory
            flash("Starting \(task.id)" + (stepMode ? " in step mode…" : "…"))
            return [.startRun(taskID: task.id, stepMode: stepMode)]
        case .scaling(let mode, let k):
            screen = .compare
            flash("Starting MaTTS \(mode.rawValue) k=\(k) on \(task.id)…")
            return [.startScaling(taskID: task.id, mode: mode, k: k)]
        case .memoryComparison:
            screen = .compare
            flash("Starting \(task.id) with memory and without…")
            return [.startMemoryComparison(taskID: task.id)]
        }
    }

    /// A palette command's output, unless a question is open.
    mutating func showOutput(title: String, text: String) {
        if case .confirm = overlay {
            flash("`\(title)` finished; its output was dropped while a question was open.", .warning)
            return
        }
        overlay = .output(title: title, text: text, scroll: 0)
    }
}

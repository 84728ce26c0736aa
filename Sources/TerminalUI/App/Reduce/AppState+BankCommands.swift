import ReasoningBank

/// The Bank screen's commands: search, filters, moving, the detail and its history, and every curation
/// change (each becomes an effect the host performs; `.bankChanged` then reloads).
extension AppState {
    mutating func performBank(_ command: WorkbenchCommand) -> [AppEffect] {
        switch command {
        case .search:
            bank.input = .search(LineInput(bank.query))
            bank.focus = .list
        case .toggleSemantic:
            bank.isSemantic.toggle()
            flash(bank.isSemantic ? "Semantic search on: / ranks items by meaning." : "Semantic search off: / matches words.")
            return bank.query.isEmpty ? [] : [reloadItems()]
        case .toggleArchived:
            bank.includesArchived.toggle()
            flash(bank.includesArchived ? "Archived items are shown." : "Archived items are hidden.")
            return [reloadItems()]
        case .focusNext, .focusPrevious:
            bank.focus = bank.focus == .list ? .detail : .list
            return bank.focus == .detail ? requestDetail() : []
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            return moveInBank(command)
        case .open:
            return openInBank()
        case .back:
            return backInBank()
        case .history:
            guard bank.selectedItem != nil else { return noItem() }
            bank.mode = .history
            bank.focus = .detail
            bank.historyCursor = ListCursor()
            return requestDetail()
        case .undo:
            return [.undo]
        default:
            return curate(command)
        }
        return []
    }

    /// The effect that lists the bank with the current query and filters.
    func reloadItems() -> AppEffect {
        .loadItems(query: bank.query, semantic: bank.isSemantic, includeArchived: bank.includesArchived)
    }

    /// Asks for the selected item's detail unless it was just asked for.
    mutating func requestDetail() -> [AppEffect] {
        guard let id = bank.selectedItem?.id, id != bank.requestedItemID else { return [] }
        bank.requestedItemID = id
        return [.loadItem(id: id)]
    }

    private mutating func noItem() -> [AppEffect] {
        flash(bank.items.isEmpty ? "There is no item here." : "Select an item first.", .warning)
        return []
    }

    /// Changes to the selected item, or to the marked ones.
    private mutating func curate(_ command: WorkbenchCommand) -> [AppEffect] {
        if command == .mergeMarked {
            guard bank.marked.count >= 2 else {
                flash("Mark at least two items with m, then press M to merge them.", .warning)
                return []
            }
            let ids = bank.marked
            bank.marked = []
            flash("Merging \(ids.count) items…")
            return [.mergeItems(ids)]
        }
        guard let item = bank.selectedItem else { return noItem() }
        let current = bank.selectedDetail?.item ?? item
        switch command {
        case .editItem:
            return [.openEditor(EditorRequest(purpose: .editItem(id: item.id), text: ItemText.text(current.fields)))]
        case .editTitle:
            bank.input = .title(id: item.id, LineInput(current.title))
        case .archiveOrRestore:
            return [current.isArchived ? .restoreItem(id: item.id) : .archiveItem(id: item.id)]
        case .togglePin:
            return [.setPinned(id: item.id, !current.isPinned)]
        case .markForMerge:
            if let index = bank.marked.firstIndex(of: item.id) { bank.marked.remove(at: index) } else { bank.marked.append(item.id) }
            flash(bank.marked.isEmpty ? "No item is marked for merge." : "\(DisplayFormat.plural(bank.marked.count, "item")) marked for merge; M merges them into one.")
        default:
            break
        }
        return []
    }

    private mutating func moveInBank(_ command: WorkbenchCommand) -> [AppEffect] {
        let detailRect = Grid.paneInterior(BankScreenView.layout(ScreenFrame(size: size).body, focus: bank.focus).detail)
        let page = Self.page(detailRect.height)
        switch (bank.focus, bank.mode) {
        case (.list, _):
            guard !bank.items.isEmpty else { return [] }
            let visible = BankScreenView.visibleItems(self)
            let before = bank.cursor.selection
            let target = Self.target(command, from: before, last: bank.items.count - 1, page: Self.page(visible))
            bank.cursor.select(target, count: bank.items.count, visible: visible)
            guard bank.cursor.selection != before else { return [] }
            bank.mode = .fields
            bank.detailScroll = 0
            return requestDetail()
        case (.detail, .fields):
            let last = BankScreenView.detailLines(bank, width: detailRect.width).count - detailRect.height
            bank.detailScroll = Self.target(command, from: bank.detailScroll, last: last, page: page)
        case (.detail, .history):
            let count = bank.detail?.revisions.count ?? 0
            let target = Self.target(command, from: bank.historyCursor.selection, last: count - 1, page: page)
            bank.historyCursor.select(target, count: count, visible: detailRect.height - BankScreenView.historyHeader)
        case (.detail, .diff(let revision)):
            let last = BankScreenView.diffLines(bank, revision: revision, width: detailRect.width).count - detailRect.height
            bank.diffScroll = Self.target(command, from: bank.diffScroll, last: last, page: page)
        }
        return []
    }

    private mutating func openInBank() -> [AppEffect] {
        switch (bank.focus, bank.mode) {
        case (.list, _):
            guard bank.selectedItem != nil else { return noItem() }
            bank.focus = .detail
            return requestDetail()
        case (.detail, .history):
            guard let revisions = bank.detail?.revisions, revisions.indices.contains(bank.historyCursor.selection) else { return [] }
            bank.mode = .diff(revision: revisions[bank.historyCursor.selection].revision)
            bank.diffScroll = 0
        case (.detail, .fields), (.detail, .diff):
            break
        }
        return []
    }

    private mutating func backInBank() -> [AppEffect] {
        switch (bank.focus, bank.mode) {
        case (.detail, .diff):
            bank.mode = .history
        case (.detail, .history):
            bank.mode = .fields
        case (.detail, .fields):
            bank.focus = .list
        case (.list, _):
            guard !bank.query.isEmpty else { return [] }
            bank.query = ""
            bank.cursor = ListCursor()
            flash("Search cleared.")
            return [reloadItems()]
        }
        return []
    }
}

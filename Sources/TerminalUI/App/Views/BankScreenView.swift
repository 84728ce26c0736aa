import ReasoningBank

/// The Bank screen: the item list (with the search or title input on top) and the detail pane, which
/// shows the item's fields, provenance and usage, its revision history, or a diff of two revisions.
enum BankScreenView {
    struct Layout: Sendable {
        var list: Rect
        var detail: Rect
    }

    static func layout(_ body: Rect, focus: BankScreenState.Focus) -> Layout {
        if body.width >= 110 {
            let (list, detail) = body.splitLeft(body.width * 45 / 100)
            return Layout(list: list, detail: detail)
        }
        let listHeight = focus == .list ? (body.height + 1) / 2 : body.height / 2
        let (list, detail) = body.splitTop(listHeight)
        return Layout(list: list, detail: detail)
    }

    static func draw(_ state: AppState, body: Rect, grid: inout Grid, theme: Theme) {
        let bank = state.bank
        let layout = layout(body, focus: bank.focus)
        drawList(bank, rect: layout.list, grid: &grid, theme: theme)
        let inner = Grid.paneInterior(layout.detail)
        let focused = bank.focus == .detail && bank.input == nil
        switch bank.mode {
        case .fields:
            grid.drawPane(
                layout.detail, title: detailTitle(bank), lines: detailLines(bank, width: inner.width), offset: bank.detailScroll,
                focused: focused, theme: theme)
        case .history:
            let lines = historyLines(bank, width: inner.width)
            let visible = max(1, inner.height - historyHeader)
            let rows = Array(lines.dropFirst(historyHeader))
            let cursor = bank.historyCursor.clamped(count: rows.count, visible: visible)
            let below = rows.count - cursor.top - visible
            grid.drawBox(layout.detail, title: "History", focused: focused, theme: theme, note: below > 0 ? "↓ \(below) more" : nil)
            grid.draw(Array(lines.prefix(historyHeader)), in: inner, theme: theme)
            grid.draw(rows, in: Rect(x: inner.x, y: inner.y + historyHeader, width: inner.width, height: visible), offset: cursor.top, theme: theme)
        case .diff(let revision):
            grid.drawPane(
                layout.detail, title: "Diff · revision \(revision) → current", lines: diffLines(bank, revision: revision, width: inner.width),
                offset: bank.diffScroll, focused: focused, theme: theme)
        }
    }

    // MARK: List

    /// Rows above the items: the input (when open) and the column headings.
    static func listHeader(_ bank: BankScreenState) -> Int { bank.input == nil ? 1 : 2 }

    /// How many items fit in the list pane.
    static func visibleItems(_ state: AppState) -> Int {
        let rect = layout(ScreenFrame(size: state.size).body, focus: state.bank.focus).list
        return max(1, Grid.paneInterior(rect).height - listHeader(state.bank))
    }

    static func listTitle(_ bank: BankScreenState) -> String {
        var title = "Items · \(bank.items.count)"
        if !bank.query.isEmpty { title += (bank.isSemantic ? " · semantic “" : " · matching “") + bank.query + "”" }
        if bank.includesArchived { title += " · with archived" }
        return title
    }

    private static func drawList(_ bank: BankScreenState, rect: Rect, grid: inout Grid, theme: Theme) {
        let inner = Grid.paneInterior(rect)
        let focused = bank.focus == .list || bank.input != nil
        grid.drawBox(rect, title: listTitle(bank), focused: focused, theme: theme)
        var y = inner.y
        if let input = bank.input {
            let label: String
            switch input {
            case .search: label = bank.isSemantic ? "semantic search › " : "search › "
            case .title: label = "new title › "
            }
            grid.put(label, x: inner.x, y: y, style: theme[.key])
            let labelWidth = TextLayout.width(label)
            LineInputView.draw(input.line, x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, grid: &grid, theme: theme)
            y += 1
        }
        guard bank.hasLoaded else {
            grid.draw(StyledLine("Loading the bank…", .muted), x: inner.x, y: y, width: inner.width, theme: theme)
            return
        }
        guard !bank.items.isEmpty else {
            let empty = bank.query.isEmpty ? "The bank is empty. Runs store what they learn here." : "Nothing matches “\(bank.query)”. Esc clears the search."
            grid.draw(StyledLine.wrapped(empty, width: inner.width, role: .muted), in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), theme: theme)
            return
        }
        let (columns, widths) = listColumns(bank, width: inner.width)
        grid.draw(TableColumn.header(columns, widths: widths), x: inner.x, y: y, width: inner.width, theme: theme)
        y += 1
        let visible = max(1, inner.maxY - y)
        let cursor = bank.cursor.clamped(count: bank.items.count, visible: visible)
        let rows = bank.items.indices.map { index in
            listRow(bank, index: index, columns: columns, widths: widths, selected: index == cursor.selection, focused: focused)
        }
        grid.draw(rows, in: Rect(x: inner.x, y: y, width: inner.width, height: visible), offset: cursor.top, theme: theme)
        let below = bank.items.count - cursor.top - visible
        if below > 0 {
            let note = " ↓ \(below) more "
            grid.put(note, x: rect.maxX - 2 - TextLayout.width(note), y: rect.maxY - 1, style: theme[.muted])
        }
    }

    static func listColumns(_ bank: BankScreenState, width: Int) -> ([TableColumn], [Int?]) {
        var columns = [
            TableColumn(title: "", width: 3),
            TableColumn(title: "ID", width: width >= 70 ? 14 : 10),
        ]
        if !bank.scores.isEmpty { columns.append(TableColumn(title: "SCORE", width: 5, alignment: .trailing)) }
        columns += [
            TableColumn(title: "TITLE", width: 12, isFlexible: true),
            TableColumn(title: "SOURCE", width: 9, dropPriority: 2),
            TableColumn(title: width >= 100 ? "VERDICT" : "", width: width >= 100 ? 9 : 1, dropPriority: 1),
        ]
        return (columns, TableColumn.fit(columns, width: width))
    }

    private static func listRow(
        _ bank: BankScreenState, index: Int, columns: [TableColumn], widths: [Int?], selected: Bool, focused: Bool
    ) -> StyledLine {
        let item = bank.items[index]
        let marks = (selected ? "▸" : " ") + (bank.marked.contains(item.id) ? "●" : " ") + (item.isPinned ? "★" : " ")
        let role: ThemeRole = item.isArchived ? .muted : .text
        let idWidth = widths.count > 1 ? widths[1] ?? 0 : 0
        var cells = [Span(marks, .accent), Span(String(item.id.prefix(idWidth)), .muted)]
        if !bank.scores.isEmpty { cells.append(Span(bank.scores[item.id].map(DisplayFormat.score) ?? "—", .accent)) }
        let verdict = item.provenance.verdict
        cells += [
            Span((item.isArchived ? "[archived] " : "") + item.title, role), Span(DisplayFormat.source(item.provenance.source), .muted),
            Span((widths.last ?? nil) ?? 0 > 1 ? DisplayFormat.verdict(verdict) : DisplayFormat.mark(verdict), DisplayFormat.role(verdict)),
        ]
        return TableColumn.row(cells, columns: columns, widths: widths).highlighted(selected && focused ? .selection : nil)
    }

    // MARK: Detail

    static func detailTitle(_ bank: BankScreenState) -> String {
        guard let item = bank.selectedItem else { return "Detail" }
        return "Detail · " + item.id
    }

    static func detailLines(_ bank: BankScreenState, width: Int) -> [StyledLine] {
        guard let selected = bank.selectedItem else {
            return StyledLine.wrapped(bank.hasLoaded ? "Select an item to see it here." : "", width: width, role: .muted)
        }
        guard let detail = bank.selectedDetail else {
            return [StyledLine(selected.title, .title), StyledLine("Loading…", .muted)]
        }
        let item = detail.item
        let labelWidth = 13
        var flags = ["revision \(item.revision)"]
        if item.isPinned { flags.append("★ pinned") }
        if item.isArchived { flags.append("archived") }
        if bank.marked.contains(item.id) { flags.append("● marked for merge") }
        var lines = [StyledLine([Span(item.id, .accent), Span(" · " + flags.joined(separator: " · "), .muted)]), .blank]
        lines += StyledLine.labeled("Title", item.title, labelWidth: labelWidth, width: width, textRole: .title)
        lines += StyledLine.labeled("Description", item.description, labelWidth: labelWidth, width: width)
        lines += StyledLine.labeled("Content", item.content, labelWidth: labelWidth, width: width)
        lines.append(.blank)
        let provenance = item.provenance
        let verdict = provenance.verdict.map { DisplayFormat.verdict($0) + ($0 == .success ? " (a success strategy)" : " (a failure lesson)") } ?? "unknown"
        let rows: [(String, String)] = [
            ("source", provenance.source.rawValue), ("verdict", verdict), ("task", provenance.taskID ?? "—"),
            ("query", provenance.query ?? "—"), ("run", provenance.runID ?? "—"), ("experience", provenance.experienceID ?? "—"),
            ("created", DisplayFormat.dateTime(provenance.createdAt)),
        ]
        lines.append(StyledLine("Provenance", .muted))
        for (label, value) in rows {
            lines += StyledLine.labeled("  " + label, value, labelWidth: labelWidth, width: width, textRole: label == "verdict" ? DisplayFormat.role(provenance.verdict) : .text)
        }
        lines.append(.blank)
        let usage = detail.usage
        var used = "retrieved by " + DisplayFormat.plural(usage.timesRetrieved, "run") + " · injected into \(usage.timesInjected)"
        if let rate = usage.successRate { used += " · " + DisplayFormat.percent(rate) + " of the judged runs succeeded" }
        lines += StyledLine.labeled("Usage", used, labelWidth: labelWidth, width: width)
        lines += StyledLine.labeled(
            "History", DisplayFormat.plural(detail.revisions.count, "revision") + " · h shows them", labelWidth: labelWidth, width: width)
        return lines
    }

    // MARK: History and diff

    /// Rows above the revisions in the history pane.
    static let historyHeader = 2

    static func historyLines(_ bank: BankScreenState, width: Int) -> [StyledLine] {
        guard let detail = bank.detail else { return [StyledLine("Loading…", .muted)] }
        var lines = [
            StyledLine([Span(detail.item.id, .accent), Span(" · " + DisplayFormat.plural(detail.revisions.count, "revision") + " · enter diffs one against the current", .muted)]),
            .blank,
        ]
        for (index, revision) in detail.revisions.enumerated() {
            let selected = index == bank.historyCursor.selection
            let note = revision.note.map { TextLayout.singleLine($0) }.flatMap { $0.isEmpty ? nil : $0 }
            lines.append(StyledLine([
                Span(selected ? "▸ " : "  ", .accent), Span(TextLayout.pad("r\(revision.revision)", to: 5), .title),
                Span(TextLayout.pad(revision.isCurrent ? "current" : "", to: 9), .success),
                Span(DisplayFormat.dateTime(revision.editedAt) + "  ", .muted), Span(revision.title, .text),
                Span(note.map { " — " + $0 } ?? "", .muted),
            ]).highlighted(selected && bank.focus == .detail ? .selection : nil))
        }
        return lines
    }

    /// A line diff of revision `revision` against the current one, in the editor's text form.
    static func diffLines(_ bank: BankScreenState, revision: Int, width: Int) -> [StyledLine] {
        guard let detail = bank.detail, let old = detail.revisions.first(where: { $0.revision == revision }),
            let current = detail.current
        else { return [StyledLine("That revision is not loaded.", .muted)] }
        var lines = [
            StyledLine([Span("- revision \(old.revision)", .failure), Span("  " + DisplayFormat.dateTime(old.editedAt), .muted)]),
            StyledLine([Span("+ revision \(current.revision) (current)", .success), Span("  " + DisplayFormat.dateTime(current.editedAt), .muted)]),
            .blank,
        ]
        let changes = LineDiff.diff(ItemText.text(old.fields), ItemText.text(current.fields))
        if !changes.contains(where: { if case .kept = $0 { false } else { true } }) {
            lines.append(StyledLine("The two revisions have the same text.", .muted))
        }
        for change in changes {
            let role: ThemeRole
            switch change {
            case .kept: role = .text
            case .removed: role = .failure
            case .added: role = .success
            }
            let text = change.text
            let prefix = String(text.prefix(2))
            let wrapped = TextLayout.wrap(String(text.dropFirst(2)), to: max(1, width - 2))
            for (index, piece) in wrapped.enumerated() {
                lines.append(StyledLine((index == 0 ? prefix : "  ") + piece, role))
            }
        }
        return lines
    }
}

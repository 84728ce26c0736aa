/// A column of a list drawn as a table: a heading, a width, how cells align, and whether it stretches
/// or may be dropped when the pane is narrow.
struct TableColumn: Sendable, Hashable {
    enum Alignment: Sendable, Hashable {
        case leading
        case trailing
    }

    var title: String
    /// The column's width; for a flexible column, the least it takes.
    var width: Int
    var alignment: Alignment = .leading
    /// Whether the column takes the room the others leave.
    var isFlexible = false
    /// Columns with a higher priority are dropped first when the table does not fit; 0 is never dropped.
    var dropPriority = 0

    /// The widths of `columns` in `width` columns with `gap` between them; nil for dropped columns.
    static func fit(_ columns: [TableColumn], width: Int, gap: Int = 2) -> [Int?] {
        var kept = columns.map { _ in true }
        func total() -> Int {
            let used = zip(columns, kept).filter(\.1).map(\.0.width)
            return used.reduce(0, +) + gap * max(0, used.count - 1)
        }
        while total() > width {
            let droppable = columns.indices.filter { kept[$0] && columns[$0].dropPriority > 0 }
            guard let victim = droppable.max(by: { columns[$0].dropPriority < columns[$1].dropPriority }) else { break }
            kept[victim] = false
        }
        let spare = max(0, width - total())
        let flexible = columns.indices.filter { kept[$0] && columns[$0].isFlexible }
        return columns.indices.map { index in
            guard kept[index] else { return nil }
            guard let position = flexible.firstIndex(of: index) else { return columns[index].width }
            let share = spare / max(1, flexible.count) + (position == 0 ? spare % max(1, flexible.count) : 0)
            return columns[index].width + share
        }
    }

    /// One row of cells laid out in `widths` (from `fit`), each cut with `…` to its column.
    static func row(_ cells: [Span], columns: [TableColumn], widths: [Int?], gap: Int = 2) -> StyledLine {
        var line = StyledLine()
        for (index, cell) in cells.enumerated() where index < columns.count {
            guard let width = widths[index] else { continue }
            if !line.spans.isEmpty { line = line.appending(String(repeating: " ", count: gap)) }
            let text = columns[index].alignment == .trailing ? TextLayout.padLeading(cell.text, to: width) : TextLayout.pad(cell.text, to: width)
            line = line.appending(text, cell.role)
        }
        return line
    }

    /// The heading row.
    static func header(_ columns: [TableColumn], widths: [Int?], gap: Int = 2) -> StyledLine {
        row(columns.map { Span($0.title, .muted) }, columns: columns, widths: widths, gap: gap)
    }
}

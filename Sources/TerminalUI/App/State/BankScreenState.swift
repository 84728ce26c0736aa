import ReasoningBank

/// The Bank screen: the item list (all items or a search's results), the selected item's detail, its
/// history and a diff of two revisions, merge marks and the open input.
struct BankScreenState: Sendable {
    enum Focus: Sendable, Hashable {
        case list
        case detail
    }

    /// What the detail pane shows.
    enum Mode: Sendable, Hashable {
        case fields
        case history
        /// The diff between revision `revision` and the current one.
        case diff(revision: Int)
    }

    var items: [MemoryItem] = []
    /// Similarity scores of a semantic search, by item id.
    var scores: [String: Double] = [:]
    /// Whether the list has arrived at least once.
    var hasLoaded = false
    /// The query of the list shown (empty: every item).
    var query = ""
    var isSemantic = false
    var includesArchived = false
    var cursor = ListCursor()
    var focus: Focus = .list
    var detail: BankDetail?
    /// The item whose detail was asked for last.
    var requestedItemID: String?
    var mode: Mode = .fields
    var detailScroll = 0
    var historyCursor = ListCursor()
    var diffScroll = 0
    /// Items marked for merge, in the order they were marked (the first keeps its provenance).
    var marked: [String] = []
    var input: BankInput?

    var selectedItem: MemoryItem? {
        items.indices.contains(cursor.selection) ? items[cursor.selection] : nil
    }

    /// The loaded detail of the selected item, if it has arrived.
    var selectedDetail: BankDetail? {
        guard let detail, detail.item.id == selectedItem?.id else { return nil }
        return detail
    }
}

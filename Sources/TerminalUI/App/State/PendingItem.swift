import ReasoningBank

/// An extracted item held at the before-consolidation gate, with the person's edit or rejection.
struct PendingItem: Sendable, Hashable {
    var item: ExtractedItem
    let original: ExtractedItem
    var isRejected = false

    init(_ item: ExtractedItem) {
        self.item = item
        self.original = item
    }

    var isEdited: Bool { item != original }
}

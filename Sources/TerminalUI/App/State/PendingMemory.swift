import ReasoningBank

/// A memory held at the before-injection gate, with the person's edit or removal.
struct PendingMemory: Sendable, Hashable {
    /// The memory as it will be injected (edited text, same id and provenance).
    var item: MemoryItem
    /// The memory as retrieved.
    let original: MemoryItem
    var isDropped = false

    init(_ item: MemoryItem) {
        self.item = item
        self.original = item
    }

    var isEdited: Bool { item != original }
}

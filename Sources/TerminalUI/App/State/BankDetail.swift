import ReasoningBank

/// One bank item as the detail pane shows it: the item, how it was used, and its revisions (newest first).
struct BankDetail: Sendable, Hashable {
    var item: MemoryItem
    var usage: ItemUsage
    var revisions: [ItemRevision]

    /// The revision the item shows now.
    var current: ItemRevision? { revisions.first(where: \.isCurrent) ?? revisions.first }
}

/// One side of a comparison of a task run with memory and without: the column its events fill.
public enum MemoryComparisonSide: Int, Sendable, Hashable, CaseIterable {
    /// The run with the bank's memories retrieved and injected (and its items stored).
    case withMemory = 0
    /// The same task with memory mode `none`: nothing retrieved, nothing stored.
    case withoutMemory = 1

    /// The column's title.
    var title: String {
        switch self {
        case .withMemory: "With memory"
        case .withoutMemory: "Without memory"
        }
    }
}

/// The `capacity` best matches seen so far (higher score first, then lower row), as a min-heap whose
/// root is the worst match kept.
struct BoundedHeap {
    let capacity: Int
    private var items: [EmbeddingMatrix.Match] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        items.reserveCapacity(self.capacity)
    }

    /// Whether `lhs` ranks above `rhs`.
    static func ranksAbove(_ lhs: EmbeddingMatrix.Match, _ rhs: EmbeddingMatrix.Match) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : lhs.row < rhs.row
    }

    /// The worst match kept, once the heap is full.
    var worst: EmbeddingMatrix.Match? { items.count == capacity ? items.first : nil }

    mutating func insert(_ match: EmbeddingMatrix.Match) {
        guard capacity > 0 else { return }
        if items.count < capacity {
            items.append(match)
            siftUp(items.count - 1)
        } else if Self.ranksAbove(match, items[0]) {
            items[0] = match
            siftDown(0)
        }
    }

    /// Everything kept, best first.
    func sortedBestFirst() -> [EmbeddingMatrix.Match] { items.sorted(by: Self.ranksAbove) }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.ranksAbove(items[parent], items[child]) else { return }
            items.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var worst = parent
            if left < items.count, Self.ranksAbove(items[worst], items[left]) { worst = left }
            if right < items.count, Self.ranksAbove(items[worst], items[right]) { worst = right }
            if worst == parent { return }
            items.swapAt(parent, worst)
            parent = worst
        }
    }
}

/// Colour pairs allocated on demand: each (foreground, background) combination a frame uses gets a pair
/// number the first time it is seen, and keeps it. Pair 0 is the terminal's default colours. When the
/// terminal's pairs run out (`COLOR_PAIRS`), further combinations are drawn in pair 0.
struct ColorPairs: Sendable {
    private struct Combination: Hashable, Sendable {
        var foreground: Int32
        var background: Int32
    }

    /// Pair numbers below this exist (`COLOR_PAIRS`).
    let limit: Int32
    private var pairs: [Combination: Int32] = [:]
    private var next: Int32 = 1

    init(limit: Int32) {
        self.limit = limit
    }

    /// How many pairs have been allocated.
    var count: Int { pairs.count }

    /// The pair for (`foreground`, `background`); `initialize` defines a new pair in the terminal and
    /// returns whether that worked.
    mutating func pair(foreground: Int32, background: Int32, initialize: (Int32, Int32, Int32) -> Bool) -> Int32 {
        if foreground == -1 && background == -1 { return 0 }
        let combination = Combination(foreground: foreground, background: background)
        if let pair = pairs[combination] { return pair }
        guard next < limit, initialize(next, foreground, background) else { return 0 }
        pairs[combination] = next
        next += 1
        return next - 1
    }
}

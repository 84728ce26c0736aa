import Foundation

/// SplitMix64, the shop world's own seeded generator: the same seed gives the same sequence on
/// every platform and release (the standard library's random algorithms are not used).
struct ShopRandom: Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator derived from `seed` and a label, so that independent parts of the world draw from
    /// independent streams.
    init(seed: UInt64, _ label: String) {
        state = ShopHash.combine(seed: seed, [label])
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A uniform index in `0..<count` (0 when `count` is not positive).
    mutating func index(below count: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int(next() % UInt64(count))
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[index(below: items.count)] }

    /// A Fisher–Yates shuffle driven by this generator.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for position in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(position, index(below: position + 1))
        }
        return result
    }

    /// `count` distinct elements in random order (all of them when there are fewer).
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        Array(shuffled(items).prefix(count))
    }
}

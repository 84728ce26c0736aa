import Foundation
import ReasoningBank

/// The shop world's seeded generator: the engine's SplitMix64 with the draws the world needs. The same
/// seed gives the same sequence on every platform and release (the standard library's random
/// algorithms are not used).
struct ShopRandom: Sendable {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// A generator derived from `seed` and a label, so that independent parts of the world draw from
    /// independent streams.
    init(seed: UInt64, _ label: String) {
        generator = SplitMix64(seed: StableHash.combine(seed: seed, [label]))
    }

    mutating func next() -> UInt64 { generator.next() }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double { generator.nextUnit() }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A uniform index in `0..<count` (0 when `count` is not positive).
    mutating func index(below count: Int) -> Int { generator.nextIndex(below: count) }

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

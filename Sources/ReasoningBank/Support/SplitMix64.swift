import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, seeded generator whose sequence is fixed
/// for a given seed on every platform. Use it for anything that must be reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The current state; the next output is derived from it.
    public private(set) var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits (independent of the standard library's
    /// own `random(in:using:)` algorithms, which may change between releases).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform index in `0..<count` (0 when `count` is not positive).
    public mutating func nextIndex(below count: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int(next() % UInt64(count))
    }
}

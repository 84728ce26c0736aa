import Foundation

/// FNV-1a 64-bit hashing: stable across processes, platforms and releases (unlike `Hasher`,
/// which is seeded per process). Used for feature buckets and to derive seeded randomness.
public enum StableHash {
    /// The FNV-1a 64 offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64 prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a 64 of the UTF-8 bytes of `text`, continuing from `state`.
    public static func fnv1a64(_ text: String, state: UInt64 = offsetBasis) -> UInt64 {
        var hash = state
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// FNV-1a 64 of the eight little-endian bytes of `value`, continuing from `state`.
    public static func fnv1a64(_ value: UInt64, state: UInt64 = offsetBasis) -> UInt64 {
        var hash = state
        for shift in stride(from: 0, to: 64, by: 8) {
            hash ^= (value >> UInt64(shift)) & 0xFF
            hash &*= prime
        }
        return hash
    }

    /// A hash of `seed` and several strings; a unit-separator byte between parts keeps
    /// `["ab", "c"]` and `["a", "bc"]` apart.
    public static func combine(seed: UInt64, _ parts: [String]) -> UInt64 {
        var hash = fnv1a64(seed)
        for part in parts {
            hash = fnv1a64(part, state: hash)
            hash ^= 0x1F
            hash &*= prime
        }
        return hash
    }
}

import Foundation

/// FNV-1a 64-bit hashing, stable across processes and platforms (unlike `Hasher`).
enum ShopHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func fnv1a64(_ text: String, state: UInt64 = offsetBasis) -> UInt64 {
        var hash = state
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    static func fnv1a64(_ value: UInt64, state: UInt64 = offsetBasis) -> UInt64 {
        var hash = state
        for shift in stride(from: 0, to: 64, by: 8) {
            hash ^= (value >> UInt64(shift)) & 0xFF
            hash &*= prime
        }
        return hash
    }

    /// A hash of `seed` and several strings, with a separator between parts.
    static func combine(seed: UInt64, _ parts: [String]) -> UInt64 {
        var hash = fnv1a64(seed)
        for part in parts {
            hash = fnv1a64(part, state: hash)
            hash ^= 0x1F
            hash &*= prime
        }
        return hash
    }
}

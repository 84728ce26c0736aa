import Foundation

/// Short, typeable identifiers: a prefix and 12 hex digits (48 random bits).
public enum Identifier {
    /// A new identifier such as `r-0c4f2a9b13de`.
    public static func make(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() & 0xFFFF_FFFF_FFFF
        let hex = String(value, radix: 16)
        return prefix + "-" + String(repeating: "0", count: 12 - hex.count) + hex
    }
}

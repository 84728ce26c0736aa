import Foundation

/// Replaces secrets in text with `[redacted]`: every occurrence of each known secret value, and
/// anything shaped like an API key — `sk-…` (OpenAI, `sk-proj-…`, Anthropic `sk-ant-…`) or `AIza…`
/// (Google) followed by at least 20 key characters (letters, digits, `-`, `_`) and not preceded by one.
public struct SecretRedactor: Sendable, Hashable {
    /// What a secret is replaced with.
    public static let replacement = "[redacted]"

    /// Prefixes of key-shaped tokens.
    static let keyPrefixes: [[UInt8]] = [Array("sk-".utf8), Array("AIza".utf8)]
    /// Key characters that must follow a prefix for a token to count as a key.
    static let minimumKeyTail = 20

    /// Known secrets, longest first so that a secret containing another is replaced whole.
    private let secrets: [String]

    /// A redactor for `secrets` (empty values are ignored) and the common key shapes.
    public init(secrets: some Sequence<String>) {
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { $0.count == $1.count ? $0 < $1 : $0.count > $1.count }
    }

    /// A redactor for the common key shapes only.
    public init() { self.init(secrets: []) }

    /// The text with every secret and key-shaped token replaced by `[redacted]`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.replacement)
        }
        return Self.redactKeyShapes(result)
    }

    /// Replaces `sk-…` / `AIza…` tokens with a tail of 20 or more key characters.
    static func redactKeyShapes(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var changed = false
        while index < bytes.count {
            if index == 0 || !isKeyCharacter(bytes[index - 1]),
                let prefix = keyPrefixes.first(where: { bytes[index...].starts(with: $0) })
            {
                var end = index + prefix.count
                while end < bytes.count, isKeyCharacter(bytes[end]) { end += 1 }
                if end - index - prefix.count >= minimumKeyTail {
                    output.append(contentsOf: replacement.utf8)
                    index = end
                    changed = true
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}

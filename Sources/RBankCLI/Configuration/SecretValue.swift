import Foundation

/// A secret (an API key) that does not print itself.
///
/// `description`, `debugDescription` and reflection (`dump`, `Mirror`) all show `[redacted]`;
/// only ``exposedValue`` gives the characters, for the one place that must send them.
public struct SecretValue: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself. Use only to authenticate a request; never print or log it.
    public let exposedValue: String

    /// Wraps a secret.
    public init(_ value: String) {
        self.exposedValue = value
    }

    /// Always `[redacted]`.
    public var description: String { SecretRedactor.replacement }

    /// Always `[redacted]`.
    public var debugDescription: String { SecretRedactor.replacement }

    /// A mirror without children, so `dump` shows nothing of the secret.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

import Foundation

/// One row of `rbank config`: a variable, its effective value for display, and where it came from.
///
/// Secrets never carry any of their characters here: their `value` only says whether they are set
/// and from where, e.g. `set (environment), redacted`.
public struct ConfigurationEntry: Sendable, Hashable, Identifiable {
    /// The variable's name.
    public var name: String
    /// The value to show: redacted for secrets, resolved to an absolute path for paths,
    /// `(unset)` for optional values that are not set.
    public var value: String
    /// The layer that won.
    public var source: ConfigurationSource
    /// Whether the variable holds a secret (an API key).
    public var isSecret: Bool
    /// Lower-precedence layers that also set the variable and were overridden.
    public var overridden: [ConfigurationSource]
    /// Why the value is not usable, when it is not (the same text the typed accessor would throw).
    public var problem: String?
    /// One line on what the variable does.
    public var summary: String

    /// The variable's name.
    public var id: String { name }

    /// Creates an entry.
    public init(
        name: String, value: String, source: ConfigurationSource, isSecret: Bool,
        overridden: [ConfigurationSource] = [], problem: String? = nil, summary: String
    ) {
        self.name = name
        self.value = value
        self.source = source
        self.isSecret = isSecret
        self.overridden = overridden
        self.problem = problem
        self.summary = summary
    }
}

import Foundation

/// One raw value of a configuration variable as found in one layer.
public struct ConfiguredValue: Sendable, Hashable {
    /// The variable's name, e.g. `AGENT_TEMPERATURE`.
    public var name: String
    /// The text as given (TOML numbers and booleans are rendered as text).
    public var raw: String
    /// The layer it came from.
    public var source: ConfigurationSource

    /// Creates a value.
    public init(name: String, raw: String, source: ConfigurationSource) {
        self.name = name
        self.raw = raw
        self.source = source
    }
}

import Foundation
import Logging

/// A swift-log handler that appends one line per event to a ``LogFileSink``:
/// `2025-01-01T12:00:00.000Z INFO [label] message key=value …`, with every line passed through a
/// ``SecretRedactor`` and newlines in messages written as `\n`, so one event is one line.
public struct FileLogHandler: LogHandler {
    /// The logger's label.
    public let label: String
    /// Handler-level metadata, merged under the provider's and the event's.
    public var metadata: Logger.Metadata = [:]
    /// Least severe level written.
    public var logLevel: Logger.Level
    /// Contextual metadata, when the system was bootstrapped with a provider.
    public var metadataProvider: Logger.MetadataProvider?
    private let sink: LogFileSink
    private let redactor: SecretRedactor

    /// A handler for `label` writing to `sink` at `logLevel` and above.
    public init(
        label: String, sink: LogFileSink, redactor: SecretRedactor, logLevel: Logger.Level,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.sink = sink
        self.redactor = redactor
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    /// Handler-level metadata for one key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event when its level is at least ``logLevel``.
    public func log(event: LogEvent) {
        guard event.level >= logLevel else { return }
        sink.write(redactor.redact(format(event, at: Date())))
    }

    /// The line for `event`, before redaction.
    func format(_ event: LogEvent, at date: Date) -> String {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        if let error = event.error { merged["error"] = "\(error)" }
        var line = "\(date.formatted(Self.timestampStyle)) \(event.level.rawValue.uppercased()) [\(label)] "
        line += Self.oneLine(event.message.description)
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(Self.oneLine(value.description))"
        }
        return line
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\n")
    }
}

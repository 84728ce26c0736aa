/// One server-sent event.
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` name, `nil` when the event had none (the default type, "message").
    public var name: String?
    /// The `data:` lines joined with `\n`.
    public var data: String
    public var id: String?
}

/// A WHATWG server-sent-events parser, fed with body chunks as they arrive (reference §0): lines end at
/// `\r\n`, `\n` or `\r`; a blank line dispatches the event; `:` lines are comments; `event:`, `data:`
/// (joined by `\n`), `id:` and `retry:` are the fields; one space after the colon is dropped. An event
/// with no `data:` line is not dispatched, and an event still open when the body ends is discarded.
///
/// (mattt/EventSource was the library of choice, but its 1.1.1 does not build on Linux:
/// it relies on `URLSession.bytes`, which swift-corelibs-foundation lacks.)
public struct ServerSentEventParser: Sendable {
    private var lines = LineBuffer()
    private var name: String?
    private var data: [String] = []
    private var id: String?
    private var hasData = false

    public init() {}

    /// The events completed by `bytes`.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [ServerSentEvent] where Bytes.Element == UInt8 {
        var events: [ServerSentEvent] = []
        for line in lines.feed(bytes) {
            if let event = take(line) { events.append(event) }
        }
        return events
    }

    /// Whether the body so far ended in the middle of an event (data that no blank line dispatched).
    public var hasOpenEvent: Bool { hasData || name != nil }

    private mutating func take(_ line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer {
                name = nil
                data = []
                id = nil
                hasData = false
            }
            guard hasData else { return nil }
            return ServerSentEvent(name: name, data: data.joined(separator: "\n"), id: id)
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = line[...]
            value = ""
        }
        switch field {
        case "event": name = String(value)
        case "data":
            data.append(String(value))
            hasData = true
        case "id" where !value.contains("\0"): id = String(value)
        default: break
        }
        return nil
    }
}

/// Splits a byte stream into lines across arbitrary chunk boundaries. A line ends at `\r\n`, `\n` or a
/// lone `\r` (the SSE rule); a `\r` at the end of one chunk and a `\n` at the start of the next are one
/// line ending. Lines are decoded as UTF-8 only once complete, so a character split across chunks survives.
struct LineBuffer: Sendable {
    private var pending: [UInt8] = []
    private var lastWasCR = false

    /// The lines completed by `bytes`, without their endings.
    mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [String] where Bytes.Element == UInt8 {
        var lines: [String] = []
        for byte in bytes {
            switch byte {
            case 0x0A where lastWasCR:
                lastWasCR = false
            case 0x0A, 0x0D:
                lines.append(String(decoding: pending, as: UTF8.self))
                pending.removeAll(keepingCapacity: true)
                lastWasCR = byte == 0x0D
            default:
                lastWasCR = false
                pending.append(byte)
            }
        }
        return lines
    }

    /// The last line when the stream ended without a line ending, if any.
    mutating func finish() -> String? {
        defer { pending.removeAll() }
        return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
    }
}

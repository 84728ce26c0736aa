/// What a terminal backend reports: a decoded key press, or the terminal's new size.
public enum TerminalInput: Sendable, Hashable {
    /// A key press, decoded into a `Key`.
    case key(Key)
    /// The terminal changed size; the payload is the new size in cells.
    case resize(Size)
}

import CNCursesW

/// Display widths of characters, as the terminal will draw them.
public enum CharacterWidth {
    /// Columns one scalar takes: 0 for combining marks, 2 for wide (CJK, most emoji), 1 otherwise.
    /// Non-printable scalars count as 0.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        max(0, Int(rb_wcwidth(wchar_t(bitPattern: scalar.value))))
    }

    /// Columns a string takes on screen.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The ncurses version this binary is linked against.
    public static var ncursesVersion: String {
        guard let text = curses_version() else { return "ncurses (unknown version)" }
        return String(cString: text)
    }
}

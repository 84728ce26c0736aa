import CNCursesW

/// Facts about the linked ncurses library.
public enum NCursesRuntime {
    /// The ncurses version this binary is linked against.
    public static var version: String {
        guard let text = curses_version() else { return "ncurses (unknown version)" }
        return String(cString: text)
    }
}

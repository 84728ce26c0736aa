/// A screen the runtime draws on and reads keys from: ncurses on a real terminal (`NCursesBackend`), or
/// an in-memory screen for tests and `--headless` runs (`HeadlessBackend`).
///
/// A backend only flushes grids; it never decides what to draw. Every call happens on the main actor,
/// so one isolation domain owns the terminal. A backend runs once: `start`, any number of draws and
/// suspend/resume pairs, then `stop`.
@MainActor
public protocol TerminalBackend: AnyObject {
    /// Takes over the screen (full-screen mode, raw keys, hidden cursor) and starts reading input.
    func start() throws
    /// Gives the terminal back as it was and stops reading input; ends `inputs`. Safe to call more than
    /// once, before `start`, and while suspended.
    func stop()
    /// The screen size in cells.
    var size: Size { get }
    /// Shows `grid`, which was rendered with `theme`. Cells equal to those of the previous frame cost
    /// (almost) nothing; after `resume` or a size change the whole screen is drawn again.
    func draw(_ grid: Grid, theme: Theme)
    /// Leaves full-screen mode temporarily (to run `$EDITOR`): the terminal is restored and input is no
    /// longer read until `resume`.
    func suspend()
    /// Re-enters full-screen mode after `suspend`; the next `draw` repaints the whole screen.
    func resume()
    /// Key presses and size changes, in order. Single consumer; finishes when the backend stops.
    var inputs: AsyncStream<TerminalInput> { get }
}

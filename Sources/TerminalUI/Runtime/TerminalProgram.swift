/// An Elm-style program the runtime drives: state is a value, every input is a message, `reduce`
/// updates the state and asks for effects, `render` draws the state into a grid. Nothing here touches
/// the terminal; `TerminalRuntime` and a `TerminalBackend` do.
public protocol TerminalProgram: Sendable {
    associatedtype State: Sendable
    associatedtype Message: Sendable
    associatedtype Effect: Sendable

    /// Applies `message`; returns the effects to perform (which may send more messages).
    static func reduce(_ state: inout State, _ message: Message) -> [Effect]
    /// Draws the whole screen for `size`.
    static func render(_ state: State, size: Size, theme: Theme) -> Grid
    /// The message for a key press.
    static func keyMessage(_ key: Key) -> Message
    /// The message for a new terminal size.
    static func resizeMessage(_ size: Size) -> Message
    /// Whether the program has finished (the runtime then restores the terminal and returns).
    static func isFinished(_ state: State) -> Bool
}

/// What a piece of the screen means; a `Theme` gives each meaning its style, so screens never name colours.
public enum ThemeRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Ordinary text.
    case text
    /// Secondary text: hints, metadata, folded lines.
    case muted
    /// Pane titles.
    case title
    /// The border of the focused pane.
    case borderFocused = "border_focused"
    /// Other borders.
    case border
    /// The selected row of a list.
    case selection
    /// Keys in help and bars.
    case key
    /// The top and bottom bars.
    case bar
    /// Highlights: the streaming model output, search matches.
    case accent
    /// Success, agreement, accepted.
    case success
    /// Failure, disagreement, rejected.
    case failure
    /// Warnings, held gates, the simulation label.
    case warning
    /// The agent's thoughts.
    case thought
    /// Actions.
    case action
    /// Observations.
    case observation
    /// Dialogs and overlays (help, palette, gates).
    case dialog
}

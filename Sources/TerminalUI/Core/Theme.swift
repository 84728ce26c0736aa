/// Styles for every `ThemeRole`, loaded from `themes/*.toml` (see `Theme+TOML.swift`) or built in.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of `role`; roles a theme leaves out are plain.
    public subscript(role: ThemeRole) -> Style { styles[role] ?? .plain }

    /// The same theme without colours, for `NO_COLOR` and monochrome terminals.
    public var monochrome: Theme {
        Theme(name: name, styles: styles.mapValues(\.monochrome))
    }

    /// Attributes only: readable on any terminal, and what render snapshots use.
    public static let plain = Theme(
        name: "monochrome",
        styles: [
            .title: Style(bold: true), .borderFocused: Style(bold: true), .selection: Style(reverse: true),
            .key: Style(bold: true), .bar: Style(reverse: true), .accent: Style(bold: true),
            .failure: Style(bold: true), .warning: Style(bold: true), .dialog: Style(), .muted: Style(dim: true),
        ])
}

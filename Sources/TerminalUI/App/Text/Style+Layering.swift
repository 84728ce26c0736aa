extension Style {
    /// This style drawn on top of `base`: colours this style sets win, attributes add up. Lets a key
    /// (bold) sit on the bar (reverse) or a span keep the selection's background.
    func layered(over base: Style) -> Style {
        Style(
            foreground: foreground == .default ? base.foreground : foreground,
            background: background == .default ? base.background : background,
            bold: bold || base.bold, dim: dim || base.dim, italic: italic || base.italic,
            underline: underline || base.underline, reverse: reverse || base.reverse)
    }
}

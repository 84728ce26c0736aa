/// One screen cell. A wide character occupies its cell and the next, which holds `.continuation`.
public struct Cell: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case character(Character)
        /// The right half of the wide character to the left.
        case continuation
    }

    public var content: Content
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain) {
        self.content = .character(character)
        self.style = style
    }

    public static let blank = Cell()
    static let continuation = Cell(content: .continuation, style: .plain)

    private init(content: Content, style: Style) {
        self.content = content
        self.style = style
    }
}

/// A run of text drawn in one theme role.
struct Span: Sendable, Hashable {
    var text: String
    var role: ThemeRole

    init(_ text: String, _ role: ThemeRole = .text) {
        self.text = text
        self.role = role
    }
}

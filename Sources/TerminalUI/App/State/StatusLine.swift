/// The flash line: what just happened, or what failed and what to do. A key press clears it.
struct StatusLine: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case info
        case success
        case warning
        case failure
    }

    var text: String
    var kind: Kind

    var role: ThemeRole {
        switch kind {
        case .info: .text
        case .success: .success
        case .warning: .warning
        case .failure: .failure
        }
    }
}

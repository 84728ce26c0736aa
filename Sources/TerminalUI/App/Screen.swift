/// The top-level screens, reached with `1`…`3`.
public enum Screen: Int, Sendable, Hashable, CaseIterable {
    case run = 1
    case bank = 2
    case runs = 3

    public var title: String {
        switch self {
        case .run: "Run"
        case .bank: "Bank"
        case .runs: "Runs"
        }
    }
}

/// The top-level screens, reached with `1`…`4`.
public enum Screen: Int, Sendable, Hashable, CaseIterable {
    case run = 1
    case bank = 2
    case runs = 3
    case compare = 4

    public var title: String {
        switch self {
        case .run: "Run"
        case .bank: "Bank"
        case .runs: "Runs"
        case .compare: "Compare"
        }
    }
}

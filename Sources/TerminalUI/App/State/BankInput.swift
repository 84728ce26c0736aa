/// A one-line input open on the Bank screen.
enum BankInput: Sendable, Hashable {
    /// The search query being typed.
    case search(LineInput)
    /// A new title for item `id`.
    case title(id: String, LineInput)

    var line: LineInput {
        get {
            switch self {
            case .search(let line), .title(_, let line): line
            }
        }
        set {
            switch self {
            case .search: self = .search(newValue)
            case .title(let id, _): self = .title(id: id, newValue)
            }
        }
    }
}

/// The panes of the Run screen, in focus order.
enum RunPane: Int, Sendable, Hashable, CaseIterable {
    case trajectory
    case memories
    case verdict
    case extracted

    var title: String {
        switch self {
        case .trajectory: "Trajectory"
        case .memories: "Memories"
        case .verdict: "Verdict"
        case .extracted: "Extracted"
        }
    }
}

/// What a confirm dialog asks before doing.
enum ConfirmAction: Sendable, Hashable {
    /// Cancel the run in progress (`AppEffect.cancelRun`).
    case cancelRun
    /// Cancel the comparison in progress (`AppEffect.cancelRun`).
    case cancelComparison
    /// Cancel the run at a held gate (`.decide(ticket, .cancel)`).
    case cancelAtGate(ticket: Int)
    /// Quit while a run is in progress.
    case quit
}

/// The parts of the Compare screen that take focus, in focus order.
enum ComparePane: Int, Sendable, Hashable, CaseIterable {
    /// The k columns (or the two sides) side by side.
    case columns
    /// Below them: the selector's choice and the memories shown and stored.
    case outcome
}

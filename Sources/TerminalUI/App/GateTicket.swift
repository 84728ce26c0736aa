import ReasoningBank

/// A gate the running loop is holding until the person decides (step mode). `id` pairs the decision
/// with the waiting gate.
public struct GateTicket: Sendable {
    public var id: Int
    public var gate: Gate

    public init(id: Int, gate: Gate) {
        self.id = id
        self.gate = gate
    }
}

import Foundation

/// How long a provider call may take.
public struct ProviderTimeouts: Sendable, Hashable {
    /// Establishing the connection (the SDKs use 5 s; a little more tolerates slow local servers).
    public var connect: Double
    /// The whole call, head and body (the SDKs' default is 600 s).
    public var total: Double
    /// Seconds with no bytes at all before a response is abandoned as stalled.
    public var stall: Int

    public init(connect: Double = 10, total: Double = 600, stall: Int = 60) {
        self.connect = connect
        self.total = total
        self.stall = stall
    }
}

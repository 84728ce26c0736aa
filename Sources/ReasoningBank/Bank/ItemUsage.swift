import Foundation

/// How often an item was shown to runs, and how those runs went.
public struct ItemUsage: Sendable, Hashable, Codable {
    public var itemID: String
    /// Runs whose retrieval log or injected ids include the item.
    public var timesRetrieved: Int
    /// Runs that had the item injected into the prompt (after any edit at the gate).
    public var timesInjected: Int
    /// Of the runs that retrieved it, those judged success.
    public var successes: Int
    /// Of the runs that retrieved it, those judged failure.
    public var failures: Int
    /// The runs that retrieved it, most recent first.
    public var runIDs: [String]

    public init(itemID: String, timesRetrieved: Int, timesInjected: Int, successes: Int, failures: Int, runIDs: [String]) {
        self.itemID = itemID
        self.timesRetrieved = timesRetrieved
        self.timesInjected = timesInjected
        self.successes = successes
        self.failures = failures
        self.runIDs = runIDs
    }

    /// Successes over judged runs (success + failure); nil when no judged run retrieved it.
    public var successRate: Double? {
        let judged = successes + failures
        return judged == 0 ? nil : Double(successes) / Double(judged)
    }
}

import Foundation
import ReasoningBank

/// The shop world's simulated behaviour — a scripted simulation of a weak web agent that improves
/// with memory, not an LLM. It reads observations as text (the accessibility tree), as a browser
/// agent does.
///
/// - Agent: recognises the task's template and goes for it by matching task words to element
///   labels. Without a memory it falls into the world's pitfalls (reads only the first page of
///   orders, scans the featured listing instead of sorting, searches with the task's whole phrase,
///   counts only the visible reviews, clicks Add to Cart and Place Order too early); on some tasks it
///   finds the right procedure by itself (`explorationRate`, seeded competence), otherwise it wanders
///   a few steps and gives up. It discusses every injected memory item and follows the ones whose
///   content describes a procedure it needs (recognised by key phrases, see `ShopProcedure`).
/// - Judge: decides from the intent, the actions, the final page and the response. With probability
///   `recheckRate` (competence) it checks the final page closely; otherwise it checks the form of
///   the outcome only, so it cannot tell, e.g., that a list had more pages.
/// - Extractor: thinks first, then writes the procedures a success used, or after a failure a lesson
///   that finds the missing procedure with probability `reflectionRate`, else a vaguer one.
public struct ShopPolicy: SimulatedPolicy {
    public var name: String { "shop" }
    public var summary: String {
        "Shop simulation: a scripted weak web agent (not an LLM) that falls into the shop's pitfalls and follows remembered procedures."
    }

    /// Chance per procedure that the agent finds it by itself on a task (or recovers after an error).
    public let explorationRate: [ShopProcedure: Double]
    /// Chance that the judge checks the final page closely.
    public let recheckRate: Double
    /// Chance that reflecting on a failure finds the missing procedure.
    public let reflectionRate: Double
    /// How many key phrases an item must contain to teach a procedure.
    public let relevanceThreshold: Int
    /// Chance that the agent picks a procedure out of a whole earlier trajectory (an exemplar).
    public let exemplarUptake: Double

    /// The standard exploration rates.
    public static let standardExploration: [ShopProcedure: Double] = [
        .pageThroughOrders: 0.4, .sortListing: 0.4, .shortSearch: 0.45, .scrollAllReviews: 0.4,
        .optionsFirst: 0.6, .fillShippingForm: 0.6,
    ]

    public init(
        explorationRate: [ShopProcedure: Double] = ShopPolicy.standardExploration, recheckRate: Double = 0.7,
        reflectionRate: Double = 0.7, relevanceThreshold: Int = 2, exemplarUptake: Double = 0.7
    ) {
        self.explorationRate = explorationRate
        self.recheckRate = recheckRate
        self.reflectionRate = reflectionRate
        self.relevanceThreshold = max(1, relevanceThreshold)
        self.exemplarUptake = exemplarUptake
    }

    /// The shop's action guide shows `send_msg_to_user(` and `click(`.
    public func handlesEnvironment(systemPrompt: String) -> Bool {
        systemPrompt.range(of: "send_msg_to_user(", options: .caseInsensitive) != nil
            && systemPrompt.range(of: "click(", options: .caseInsensitive) != nil
    }

    public func handlesTask(_ query: String) -> Bool { ShopIntent(query) != nil }

    /// The step after which the agent stops whatever it is doing and reports.
    public static let lastStep = 28
}

import Foundation
import ReasoningBank

/// One line of the shop task suite (`data/tasks/shop.jsonl`).
///
/// ```json
/// {"evaluator":{"expected":"64.99","kind":"answer"},"id":"shop-001","query":"…","seed":0,"template":"order-total","type":"information-seeking"}
/// ```
public struct ShopTaskRecord: Sendable, Hashable, Codable, Identifiable {
    /// `shop-001`, …
    public var id: String
    /// The template it was made from, e.g. `order-total`.
    public var template: String
    /// `information-seeking`, `site-navigation` or `content-modification`.
    public var type: String
    /// The user's intent, shown to the agent verbatim.
    public var query: String
    /// The seed of the catalogue the task refers to.
    public var seed: UInt64
    /// How the task is checked.
    public var evaluator: ShopEvaluator

    /// A record from its fields.
    public init(id: String, template: String, type: String, query: String, seed: UInt64, evaluator: ShopEvaluator) {
        self.id = id
        self.template = template
        self.type = type
        self.query = query
        self.seed = seed
        self.evaluator = evaluator
    }

    /// The task the loop runs.
    public var taskSpec: TaskSpec {
        TaskSpec(id: id, query: query, environment: ShopWorld.environmentName, family: template)
    }
}

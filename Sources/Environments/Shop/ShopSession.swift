import Foundation
import ReasoningBank

/// One episode of one shop task, with its own cart, orders and history. Sessions share only the
/// immutable catalogue, so several can run in parallel.
public actor ShopSession: EnvironmentSession {
    /// The task this session runs.
    public nonisolated let task: TaskSpec
    /// The task's record, nil for an ad-hoc task (then `evaluate()` is nil).
    public nonisolated let record: ShopTaskRecord?
    private let catalogue: ShopCatalogue
    private var browser: ShopBrowser

    /// A session for `task` over `catalogue`; pass the suite's record to have `evaluate()` judge it.
    public init(task: TaskSpec, record: ShopTaskRecord?, catalogue: ShopCatalogue) {
        self.task = task
        self.record = record
        self.catalogue = catalogue
        browser = ShopBrowser(catalogue: catalogue)
    }

    /// Starts over on the home page with an empty cart.
    public func reset() -> Observation {
        browser = ShopBrowser(catalogue: catalogue)
        return browser.observation
    }

    public func step(_ action: String) -> StepOutcome {
        browser.perform(action)
    }

    public func finalState() -> String { browser.finalStateText }

    public func evaluate() -> GroundTruth? {
        record.map { browser.evaluate($0.evaluator) }
    }

    public func close() {}

    /// The current URL (for tests and tools).
    public var currentURL: String { browser.page.url.string }
}

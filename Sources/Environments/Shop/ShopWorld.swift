import Foundation
import ReasoningBank

/// The shop world: a simulated web store ("One Stop Market") with text observations, element ids,
/// BrowserGym-style actions and programmatic evaluators. See `docs/shop-world.md`.
///
/// Everything is generated from one seed: the catalogue (products, reviews, order history) and the
/// task suite. The shipped suite, `data/tasks/shop.jsonl`, is the generator's output for seed 0; a
/// world loaded from a suite file rebuilds the catalogue from the seed the file names.
public struct ShopWorld: Environment {
    /// The environment name recorded on tasks and runs: `shop`.
    public static let environmentName = "shop"
    /// Where the shipped suite lives, relative to the repository root.
    public static let defaultTasksPath = "data/tasks/shop.jsonl"
    /// The seed of the shipped suite.
    public static let defaultSeed: UInt64 = 0

    /// The action guide shown to the agent.
    public static let guide = """
        You are browsing the web store One Stop Market (http://shop.local). Each observation shows the page
        title, the URL and the page's accessibility tree; elements you can use have an id in brackets, e.g.
        [12] link 'My Orders'. Ids change from page to page: use the ids of the page you see now.
        Actions (one per step; quote every argument):
        click('id')                     click a link or button
        fill('id', 'text')              type text into a searchbox or textbox (this does not submit it)
        select_option('id', 'option')   choose an option of a combobox
        goto('url')                     open a URL of the store, e.g. goto('http://shop.local/cart')
        go_back()                       return to the previous page
        scroll('down') / scroll('up')   move through a page that is longer than the screen
        send_msg_to_user('text')        reply to the user; this ends the task. Always finish with it,
                                        giving only the requested value when the user asked a question.
        To search: fill('2', 'words') then click('3').
        Example: click('12')
        """

    public var name: String { Self.environmentName }
    public var actionGuide: String { Self.guide }

    /// The seed of the catalogue and the tasks.
    public let seed: UInt64
    /// The catalogue, shared by all sessions.
    public let catalogue: ShopCatalogue
    /// The tasks in suite order.
    public let records: [ShopTaskRecord]
    /// Where the tasks were loaded from, when they came from a file.
    public let tasksURL: URL?
    private let recordsByID: [String: ShopTaskRecord]

    /// The world of `seed`, with the generated suite.
    public init(seed: UInt64 = ShopWorld.defaultSeed) {
        let catalogue = ShopCatalogue.generate(seed: seed)
        self.init(catalogue: catalogue, records: ShopTaskGenerator.tasks(for: catalogue), tasksURL: nil)
    }

    /// The world a suite file describes: its tasks, over the catalogue of the seed its lines name.
    public init(tasksURL: URL) throws(ShopTaskFileError) {
        let records = try Self.loadRecords(from: tasksURL)
        let seed = records[0].seed
        self.init(catalogue: ShopCatalogue.generate(seed: seed), records: records, tasksURL: tasksURL)
    }

    /// A world over a catalogue and the given tasks (a later duplicate id is ignored).
    public init(catalogue: ShopCatalogue, records: [ShopTaskRecord], tasksURL: URL? = nil) {
        seed = catalogue.seed
        self.catalogue = catalogue
        self.records = records
        self.tasksURL = tasksURL
        var byID: [String: ShopTaskRecord] = [:]
        for record in records where byID[record.id] == nil { byID[record.id] = record }
        recordsByID = byID
    }

    public func tasks() async throws -> [TaskSpec] { records.map(\.taskSpec) }

    /// The record with this id, if the suite has one.
    public func record(id: String) -> ShopTaskRecord? { recordsByID[id] }

    public func makeSession(for task: TaskSpec) async throws -> any EnvironmentSession {
        ShopSession(task: task, record: groundTruthRecord(for: task), catalogue: catalogue)
    }

    /// The record whose ground truth applies to `task`: same id and the same query.
    func groundTruthRecord(for task: TaskSpec) -> ShopTaskRecord? {
        guard let record = recordsByID[task.id] else { return nil }
        let asked = task.query.trimmingCharacters(in: .whitespacesAndNewlines)
        return asked == record.query.trimmingCharacters(in: .whitespacesAndNewlines) ? record : nil
    }
}

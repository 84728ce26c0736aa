import Foundation
import ReasoningBank

@testable import TerminalUI

/// Deterministic sample data for reducer tests and render snapshots: fixed ids, fixed dates.
enum Sample {
    /// 2025-03-14 09:26 UTC.
    static let start = Date(timeIntervalSince1970: 1_741_944_360)

    static func at(minutes: Int) -> Date { start.addingTimeInterval(Double(minutes) * 60) }

    static let model = ModelDescriptor(provider: "offline", model: "rbank-sim-1", isSimulation: true)

    static let header = HeaderInfo(
        model: model, embedder: "hashing-384", bank: "data/rbank.sqlite", environment: "shop",
        usage: Usage(inputTokens: 40_210, outputTokens: 3_118, calls: 12), costText: "$0 (offline simulation)")

    static let task = TaskSpec(
        id: "shop-022", query: "Open the page of the highest-rated product in the Beauty category.", environment: "shop",
        family: "best-rated-in-category")

    static let tasks: [TaskSpec] = [
        TaskSpec(id: "shop-001", query: "What is the price of the cheapest item in the Electronics category?", environment: "shop", family: "cheapest-in-category"),
        TaskSpec(id: "shop-002", query: "How many reviews does the Aurora Smart Kettle have?", environment: "shop", family: "review-count"),
        TaskSpec(id: "shop-003", query: "Add the Vista Travel Face Mask in Purple to the cart.", environment: "shop", family: "add-variant"),
        TaskSpec(id: "shop-004", query: "What was the total of my order from January 2024?", environment: "shop", family: "order-total"),
        TaskSpec(id: "shop-005", query: "Find the best-rated hair dryer under $60 and tell me its rating.", environment: "shop", family: "best-rated-under"),
        task,
        TaskSpec(id: "shop-038", query: "Open the page of the highest-rated product in the Kitchen category.", environment: "shop", family: "best-rated-in-category"),
    ]

    static func state(size: Size = Size(width: 80, height: 24), stepMode: Bool = false) -> AppState {
        AppState(header: header, size: size, environment: "shop", stepMode: stepMode)
    }

    // MARK: Memories

    static let sortItem = MemoryItem(
        id: "m-b172d60d0e3f", title: "Sort the listing instead of scanning it",
        description: "Find the extreme item of a listing by sorting it, not by reading the featured order.",
        content: "Sort the listing with the Sort by box by the attribute the task asks about (Price: low to high for the cheapest, Rating: high to low for the best rated) and open the first result.",
        revision: 2, isPinned: true,
        provenance: Provenance(
            experienceID: "x-4f3e8eafbf10", runID: "r-679e013dbc7f", taskID: "shop-038",
            query: "Open the page of the highest-rated product in the Kitchen category.", verdict: .success, source: .extracted,
            createdAt: at(minutes: -2_880)))

    static let messageItem = MemoryItem(
        id: "m-08137dd0dc65", title: "End with a short message after the confirmation",
        description: "Once the page shows the result, tell the user in one short message and stop.",
        content: "When the page confirms the result, send one short message to the user with the answer and finish.",
        provenance: Provenance(
            experienceID: "x-4f3e8eafbf10", runID: "r-679e013dbc7f", taskID: "shop-038",
            query: "Open the page of the highest-rated product in the Kitchen category.", verdict: .success, source: .extracted,
            createdAt: at(minutes: -2_880)))

    static let bankItems: [MemoryItem] = [
        sortItem,
        messageItem,
        MemoryItem(
            id: "m-b7d0ae5f68f2", title: "Slow down on cheapest-product questions",
            description: "The featured order is not the price order.", content: "Check the price of every product on the page, or sort by price.",
            provenance: Provenance(runID: "r-6b7e263e47f1", taskID: "shop-002", verdict: .failure, source: .extracted, createdAt: at(minutes: -4_000))),
        MemoryItem(
            id: "m-109ccd9e2810", title: "Page through the order history to find an older order",
            description: "Older orders are on later pages of My Orders.", content: "Open My Orders and use Next until the order date appears.",
            provenance: Provenance(runID: "r-430afdde7598", taskID: "shop-001", verdict: .success, source: .extracted, createdAt: at(minutes: -4_100))),
        MemoryItem(
            id: "m-418fb04b10ff", title: "Counting only the first screen undercounts reviews",
            description: "Reviews continue below the fold.", content: "Scroll to the end of the reviews before counting.",
            isArchived: true,
            provenance: Provenance(runID: "r-6f4171dc008f", taskID: "shop-004", verdict: .failure, source: .extracted, createdAt: at(minutes: -3_900))),
        MemoryItem(
            id: "m-5e1f2c3d4b5a", title: "Prefer exact product names in search",
            description: "Searching the full product name finds it first.", content: "Type the product name as the task gives it.",
            provenance: Provenance(source: .importedSeed, createdAt: at(minutes: -10_000))),
        MemoryItem(
            id: "m-9a8b7c6d5e4f", title: "Read the variant options before adding to the cart",
            description: "Colour and size are chosen on the product page.", content: "Select the variant the task names, then add to cart.",
            provenance: Provenance(runID: "r-5de2dcfde4cc", taskID: "shop-003", verdict: .success, source: .extracted, createdAt: at(minutes: -3_950))),
    ]

    static let usage = ItemUsage(itemID: sortItem.id, timesRetrieved: 5, timesInjected: 4, successes: 3, failures: 1, runIDs: ["r-b0711e7b2aab"])

    static let revisions: [ItemRevision] = [
        ItemRevision(
            itemID: sortItem.id, revision: 2, title: sortItem.title, description: sortItem.description, content: sortItem.content,
            rawText: nil, editedAt: at(minutes: -60), note: "edited in the workbench", isCurrent: true),
        ItemRevision(
            itemID: sortItem.id, revision: 1, title: "Sort listings",
            description: "Find the extreme item of a listing by sorting it, not by reading the featured order.",
            content: "Sort the listing with the Sort by box and open the first result.", rawText: nil, editedAt: at(minutes: -2_880),
            note: nil, isCurrent: false),
    ]

    // MARK: A run

    static let request = ModelRequest(
        purpose: .agent,
        system: """
            You are an agent that completes tasks for a user by acting in an environment, one step at a time.

            At each step you see the latest observation. Reason about what to do next, then take exactly one action.

            Below are some memory items that I accumulated from past interaction with the environment that may be helpful to solve the task.

            # Memory Item 1
            ## Title Sort the listing instead of scanning it
            ## Description Find the extreme item of a listing by sorting it, not by reading the featured order.
            ## Content Sort the listing with the Sort by box by the attribute the task asks about and open the first result.
            """,
        messages: [
            ChatMessage(role: .user, content: "Task: Open the page of the highest-rated product in the Beauty category.\n\nObservation:\nTitle: One Stop Market\nURL: http://shop.local/\n[12] link 'Beauty'")
        ],
        temperature: 0.7, maxTokens: 1024)

    static func call(_ response: String) -> ModelCall {
        ModelCall(request: request, response: response, usage: Usage(inputTokens: 2_400, outputTokens: 120, calls: 1), latencyMilliseconds: 12, model: model.displayName)
    }

    static let steps: [Step] = [
        Step(
            index: 1,
            thought: "Memory item 1 (\"Sort the listing instead of scanning it\"): relevant, because it describes finding the extreme item of a listing by sorting it. I open the Beauty category first.",
            action: "click('12')",
            observation: """
                Title: Beauty
                URL: http://shop.local/category/beauty
                [1] link 'One Stop Market'
                [2] searchbox 'Search'
                [3] button 'Search'
                [15] combobox 'Sort by' value: 'Featured'
                [16] link 'Kestrel Body Lotion'
                [17] link 'Vista Travel Face Mask'
                """,
            call: call("Thought: …\nAction: click('12')")),
        Step(
            index: 2, thought: "The listing is in the featured order. I sort it by rating, high to low, as the memory says.",
            action: "select_option('15', 'Rating: high to low')",
            observation: """
                Title: Beauty
                URL: http://shop.local/category/beauty?sort=rating
                [16] link 'Ivory Pro Nail Kit'
                  StaticText 'Price: $13.00 | Rating: 4.7 out of 5 (6 reviews)'
                """,
            call: call("Thought: …\nAction: select_option('15', 'Rating: high to low')")),
        Step(
            index: 3, thought: "The first product is now the best rated. I open it.", action: "click('16')",
            observation: "Title: Ivory Pro Nail Kit\nURL: http://shop.local/product/ivory-pro-nail-kit\nheading 'Ivory Pro Nail Kit'",
            call: call("Thought: …\nAction: click('16')")),
    ]

    static let retrieval = RetrievalLog(
        hits: [
            RetrievalHit(
                experienceID: "x-4f3e8eafbf10", taskID: "shop-038", query: "Open the page of the highest-rated product in the Kitchen category.",
                score: 0.889, itemIDs: [sortItem.id, messageItem.id])
        ],
        injectedItemIDs: [sortItem.id, messageItem.id])

    static func record(status: RunStatus = .running) -> RunRecord {
        var record = RunRecord(
            id: "r-b0711e7b2aab", task: task, model: model, embedder: "hashing-384", memoryMode: .reasoningbank,
            settings: LoopSettings(), promptSet: PromptSetInfo(name: "default", location: "data/prompts/default", fileHashes: [:]),
            startedAt: start)
        record.status = status
        return record
    }

    static let verdict = Verdict(
        status: .success,
        thoughts: "The task is opening the highest-rated product of a category. The agent sorted the listing by rating and opened its first product.",
        rawResponse: "Thoughts: …\nStatus: success")

    static let truth = GroundTruth(success: true, expected: "http://shop.local/product/ivory-pro-nail-kit", detail: "opened the expected page")

    static let extracted: [ExtractedItem] = [
        ExtractedItem(
            title: "Use the Sort by box for cheapest or best-rated questions",
            description: "The default featured order hides the extremes; sort the listing by the attribute the task asks about.",
            content: "Do not pick the lowest price or best rating from the first featured page. Sort the listing and open the first result."),
        messageItem.fields,
    ]

    static let experience = Experience(
        id: "x-5a8557401cd8", taskID: task.id, query: task.query, queryEmbedding: nil, embeddingModel: "hashing-384", outcome: .success,
        runID: "r-b0711e7b2aab", memoryMode: .reasoningbank,
        items: [
            MemoryItem(
                id: "m-277672890ced", title: extracted[0].title, description: extracted[0].description, content: extracted[0].content,
                provenance: Provenance(experienceID: "x-5a8557401cd8", runID: "r-b0711e7b2aab", taskID: task.id, verdict: .success, source: .extracted, createdAt: at(minutes: 1))),
            MemoryItem(
                id: "m-6995c348d326", title: extracted[1].title, description: extracted[1].description, content: extracted[1].content,
                provenance: Provenance(experienceID: "x-5a8557401cd8", runID: "r-b0711e7b2aab", taskID: task.id, verdict: .success, source: .extracted, createdAt: at(minutes: 1))),
        ],
        createdAt: at(minutes: 1))

    /// The events of the sample run up to and including `steps` steps.
    static func events(steps count: Int) -> [RunEvent] {
        [.started(record()), .retrieved(retrieval, injected: [sortItem, messageItem])] + steps.prefix(count).map(RunEvent.step)
    }

    /// The finished record of the sample run.
    static func finishedRecord() -> RunRecord {
        var record = record(status: .success)
        record.retrieval = retrieval
        record.trajectory = Trajectory(steps: steps + [
            Step(
                index: 4, thought: "The page of the best-rated product is open. I tell the user.", action: "send_msg_to_user('Done')",
                observation: "Message sent to the user: Done\nThe task is complete.", call: call("Thought: …\nAction: send_msg_to_user('Done')"))
        ], finalAnswer: "Done", finalState: "The page http://shop.local/product/ivory-pro-nail-kit is open.")
        record.verdict = verdict
        record.groundTruth = truth
        record.extracted = extracted
        record.storedItemIDs = experience.items.map(\.id)
        record.experienceID = experience.id
        record.finishedAt = at(minutes: 1)
        record.auxiliaryCalls = [call("judge"), call("extract")]
        record.overrides = [
            GateOverride(gate: "before-injection", summary: "injected 1 memories chosen by hand: m-b172d60d0e3f", at: at(minutes: 0)),
            GateOverride(gate: "before-consolidation", summary: "consolidated 2 items chosen or edited by hand", at: at(minutes: 1)),
        ]
        return record
    }

    // MARK: Runs screen

    static let summaries: [RunSummary] = (0..<9).map { index in
        let statuses: [RunStatus] = [.success, .success, .failure, .success, .error, .success, .cancelled, .failure, .success]
        let ids = ["r-b0711e7b2aab", "r-0712dff82035", "r-82c3c20f576e", "r-1efbe82c0b04", "r-cc895bf93b04", "r-469e64b33eb8", "r-56e856d757fe", "r-be048c3ee131", "r-3c8254f41f3f"]
        let task = tasks[index % tasks.count]
        return RunSummary(
            id: ids[index], taskID: task.id, query: task.query, environment: "shop", status: statuses[index], startedAt: at(minutes: -index * 7),
            finishedAt: at(minutes: -index * 7 + 1), model: model.displayName, embedder: "hashing-384", memoryMode: .reasoningbank,
            stepCount: 3 + index % 4, usage: Usage(inputTokens: 9_000 + index * 811, outputTokens: 600 + index * 37, calls: 6), experienceID: nil,
            scaling: index == 1 ? "matts-parallel k=3" : nil)
    }

    static func bench() -> BenchResult {
        var bench = BenchResult(
            id: "b-7d41c09e2f10", environment: "shop", model: model, embedder: "hashing-384", seed: 7,
            taskIDs: tasks.map(\.id), modes: [.none, .reasoningbank], startedAt: at(minutes: -600))
        var record = finishedRecord()
        for (modeIndex, successes) in [3, 6].enumerated() {
            bench.modes[modeIndex].outcomes = tasks.indices.map { index in
                record.groundTruth = GroundTruth(success: index < successes, expected: nil, detail: "")
                record.task = tasks[index]
                return BenchTaskOutcome(record)
            }
        }
        bench.finishedAt = at(minutes: -560)
        return bench
    }
}

import Foundation
import ReasoningBank
@testable import OfflineModels

/// Canned shop observations and requests built as the loop builds them (formats of docs/shop-world.md).
enum ShopFixtures {
    /// One line of data/tasks/shop.jsonl, as these tests read it.
    struct Row: Decodable, Sendable {
        var id: String
        var template: String
        var query: String
    }

    static let rows: [Row] = {
        let url = Fixtures.repositoryRoot.appendingPathComponent("data/tasks/shop.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }()

    /// The shop's action guide, in substance (kept in step with Environments' `ShopWorld.guide`).
    static let guide = """
        You are browsing the web store One Stop Market (http://shop.local).
        Actions (one per step; quote every argument):
        click('id')                     click a link or button
        fill('id', 'text')              type text into a searchbox or textbox (this does not submit it)
        select_option('id', 'option')   choose an option of a combobox
        go_back()                       return to the previous page
        scroll('down') / scroll('up')   move through a page that is longer than the screen
        send_msg_to_user('text')        reply to the user; this ends the task.
        """

    static let header = """
        [1] link 'One Stop Market'
        [2] searchbox 'Search'
        [3] button 'Search'
        [4] link 'My Account'
        [5] link 'My Orders'
        [6] link 'Cart (0 items)'
        navigation 'Categories'
          [7] link 'Electronics'
          [8] link 'Home & Kitchen'
          [9] link 'Clothing'
          [10] link 'Footwear'
          [11] link 'Sports & Outdoors'
          [12] link 'Beauty'
          [13] link 'Toys & Games'
          [14] link 'Office Supplies'
        """

    static func page(_ title: String, _ url: String, _ main: String, header: String = header) -> String {
        "Title: \(title)\nURL: http://shop.local\(url)\n\(header)\nmain\n\(main)"
    }

    static let home = page("One Stop Market", "/", """
          heading 'Welcome to One Stop Market'
          StaticText 'Signed in as Alex Rivera.'
          heading 'Featured products'
          [15] link 'Quartz Rain Boots'
            StaticText 'Price: $42.95 | Rating: 3.3 out of 5 (8 reviews)'
        """)

    static let ordersPage1 = page("My Orders", "/account/orders", """
          heading 'My Orders'
          StaticText 'Orders 1-10 of 37'
          table 'Orders'
            row 'Order # | Date | Total | Status'
            row '#000136 | June 2, 2025 | $123.45 | Complete'
              [15] link 'View Order #000136'
            row '#000127 | August 1, 2024 | $99.00 | Complete'
              [16] link 'View Order #000127'
          StaticText 'Page 1 of 4'
          [25] link 'Next page'
        """)

    static let ordersPage2 = page("My Orders", "/account/orders?page=2", """
          heading 'My Orders'
          StaticText 'Orders 11-20 of 37'
          table 'Orders'
            row 'Order # | Date | Total | Status'
            row '#000126 | July 13, 2024 | $99.94 | Complete'
              [15] link 'View Order #000126'
            row '#000117 | January 31, 2024 | $216.44 | Complete'
              [24] link 'View Order #000117'
          [25] link 'Previous page'
          StaticText 'Page 2 of 4'
          [26] link 'Next page'
        """)

    static let footwearFeatured = page("Footwear", "/category/footwear", """
          heading 'Footwear'
          StaticText 'Items 1-10 of 23'
          [15] combobox 'Sort by' value: 'Featured' options: Featured, Price: low to high, Price: high to low, Rating: high to low
          [16] link 'Ridgeline Rain Boots'
            StaticText 'Price: $59.00 | Rating: 3.9 out of 5 (12 reviews)'
          [17] link 'Driftwood Deluxe Rain Boots'
            StaticText 'Price: $47.49 | Rating: 2.0 out of 5 (3 reviews)'
          StaticText 'Page 1 of 3'
          [26] link 'Next page'
        """)

    static let footwearByPrice = page("Footwear", "/category/footwear?sort=price_asc", """
          heading 'Footwear'
          StaticText 'Items 1-10 of 23'
          [15] combobox 'Sort by' value: 'Price: low to high' options: Featured, Price: low to high, Price: high to low, Rating: high to low
          [16] link 'Pioneer Hiking Boots'
            StaticText 'Price: $25.99 | Rating: 2.7 out of 5 (3 reviews)'
          [17] link 'Driftwood Deluxe Rain Boots'
            StaticText 'Price: $47.49 | Rating: 2.0 out of 5 (3 reviews)'
          StaticText 'Page 1 of 3'
          [26] link 'Next page'
        """)

    static let noResults = page("Search results for: \"wool Echo Compact Pajama Set\"", "/search?q=wool+Echo+Compact+Pajama+Set", """
          heading 'Search results for: "wool Echo Compact Pajama Set"'
          StaticText 'Your search returned no results.'
        """, header: header.replacingOccurrences(of: "[2] searchbox 'Search'", with: "[2] searchbox 'Search' value: 'wool Echo Compact Pajama Set'"))

    static let bootsProduct = page("Quartz Rain Boots", "/product/quartz-rain-boots", """
          heading 'Quartz Rain Boots'
          StaticText 'Price: $42.95'
          StaticText 'Rating: 3.3 out of 5 (8 reviews)'
          StaticText 'Category: Footwear'
          StaticText 'Material: canvas'
          StaticText 'Rain Boots by Quartz, made of canvas.'
          [15] combobox 'Colour' value: 'Choose an option' options: Silver, White
          [16] combobox 'Size' value: 'Choose an option' options: 7, 8, 9, 10, 11
          [17] button 'Add to Cart'
          heading 'Customer Reviews (8)'
          StaticText 'Review 1 of 8 by Luis S.: 4 of 5 stars. "Works well, minor flaws."'
        """)

    static let checkout = page("Checkout", "/checkout", """
          heading 'Checkout'
          table 'Items'
            row 'Quartz Rain Boots | Colour: Silver | Size: 9 | Qty: 1 | $42.95'
          StaticText 'Subtotal: $42.95'
          heading 'Shipping Address'
          [15] textbox 'Full name' value: 'Alex Rivera'
          [16] textbox 'Street address'
          [17] textbox 'City'
          [18] textbox 'Postcode'
          [19] combobox 'Shipping method' value: 'Standard ($5.00)' options: Standard ($5.00), Express ($15.00)
          StaticText 'Order total: $47.95'
          [20] button 'Place Order'
        """, header: header.replacingOccurrences(of: "Cart (0 items)", with: "Cart (1 item)"))

    /// A truncated product page with numbered reviews, `fourStars` of them with 4 stars in this view.
    static func longProduct(offset: Int, reviews: ClosedRange<Int>, more: Bool) -> String {
        var lines = ["Title: Summit Body Lotion", "URL: http://shop.local/product/summit-body-lotion"]
        if offset > 0 { lines.append("StaticText '… \(offset) lines above. Use scroll('up') to see them.'") }
        if offset == 0 {
            lines.append(header)
            lines.append("main\n  heading 'Summit Body Lotion'\n  StaticText 'Rating: 4.6 out of 5 (38 reviews)'\n  heading 'Customer Reviews (38)'")
        }
        for number in reviews {
            let stars = number % 3 == 0 ? 4 : 5
            lines.append("  StaticText 'Review \(number) of 38 by Sam L.: \(stars) of 5 stars. \"Love it.\"'")
        }
        if more { lines.append("StaticText '… 13 more lines below. Use scroll('down') to see more.'") }
        return lines.joined(separator: "\n")
    }

    /// An agent request built as the loop builds it, with earlier steps.
    static func agentRequest(
        task: String, observation: String, memories: [ExtractedItem] = [],
        history: [(response: String, observation: String)] = [], temperature: Double = 0.7
    ) -> ModelRequest {
        var system = Fixtures.prompts.render(.agentSystem, ["action_guide": guide])
        if !memories.isEmpty {
            let rendered = memories.enumerated().map { $0.element.markdown(index: $0.offset + 1) }
            system += Fixtures.prompts.render(.memoryInjection, ["memories": rendered.joined(separator: "\n\n")])
        }
        let first = history.first?.observation == nil ? observation : home
        var messages = [ChatMessage(role: .user, content: Fixtures.prompts.render(.agentTask, ["query": task, "observation": first]))]
        for (index, step) in history.enumerated() {
            messages.append(ChatMessage(role: .assistant, content: step.response))
            let shown = index == history.count - 1 ? observation : step.observation
            messages.append(ChatMessage(role: .user, content: Fixtures.prompts.render(.agentObservation, ["observation": shown])))
        }
        return ModelRequest(purpose: .agent, system: system, messages: messages, temperature: temperature, maxTokens: 1024)
    }

    /// A request whose latest observation is `observation` after one earlier step.
    static func laterRequest(task: String, observation: String, memories: [ExtractedItem] = [], temperature: Double = 0.7) -> ModelRequest {
        agentRequest(
            task: task, observation: observation, memories: memories,
            history: [(response: "Thought: I will start.\nAction: click('1')", observation: observation)], temperature: temperature)
    }

    static func judgeRequest(task: String, actions: [String], finalState: String, response: String?) -> ModelRequest {
        let history = actions.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        let user = Fixtures.prompts.render(
            .judgeUser, ["query": task, "action_history": history, "final_state": finalState, "response": response ?? "N/A"])
        return ModelRequest(
            purpose: .judge, system: Fixtures.prompts.render(.judgeSystem, [:]), messages: [ChatMessage(role: .user, content: user)],
            temperature: 0, maxTokens: 512)
    }

    static func extractionRequest(
        task: String, steps: [(thought: String, action: String, observation: String)], success: Bool,
        purpose: ModelPurpose? = nil, temperature: Double = 1.0
    ) -> ModelRequest {
        let trajectory = steps.map { "<think>\($0.thought)</think>\n<action>\($0.action)</action>\n<observation>\($0.observation)</observation>" }
            .joined(separator: "\n")
        let user = Fixtures.prompts.render(
            .extractUser,
            ["query": task, "trajectory": trajectory, "outcome": success ? "succeeded" : "failed", "judge_thoughts": "(none given)"])
        let kind = purpose ?? (success ? .extractSuccess : .extractFailure)
        let file: PromptFile = kind == .induceWorkflow ? .induceWorkflow : (success ? .extractSuccess : .extractFailure)
        return ModelRequest(
            purpose: kind, system: Fixtures.prompts.render(file, ["max_items": "3"]), messages: [ChatMessage(role: .user, content: user)],
            temperature: temperature, maxTokens: 2048)
    }

    static func action(in response: String) -> ActionCall? {
        guard case .success(let output) = ReActParser.parse(response), case .success(let call) = ActionCallParser.parse(output.action)
        else { return nil }
        return call
    }

    static func items(in response: String) -> [ExtractedItem] {
        (try? MemoryItemParser.parse(response).get()) ?? []
    }

    /// A model that never explores by itself, so behaviour without memory is the naive one.
    static let naiveModel = SimulatedModel(
        seed: 0, policies: [ShopPolicy(explorationRate: [:]), QAPolicy()])

    static let orderTask = "What was the grand total of my order placed on January 31, 2024?"
    static let cheapestTask = "What is the price of the cheapest product in the Footwear category?"
    static let ratingTask = "What is the average customer rating of the wool Echo Compact Pajama Set?"
    static let reviewTask = "How many 4-star reviews does the Summit Body Lotion have?"
    static let cartTask = "Add the 'Quartz Rain Boots' in colour Silver and size 9 to my cart."
    static let orderPlaceTask = "Buy the 'Quartz Rain Boots' in colour Silver and ship it to 7 Birch Lane, Fairview, 83378."

    /// The strategy item of `procedure` (its first wording).
    static func teaching(_ procedure: ShopProcedure) -> ExtractedItem { procedure.strategyWording.allItems[0] }
}

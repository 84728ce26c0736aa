import Foundation
import ReasoningBank
@testable import Environments

/// Plays suite tasks through a session the way a person would: the gold procedure of each template,
/// and the pitfall path a weak agent takes. Reads ids and values from the observations only (the
/// catalogue is used just to recognise which product or order the query names).
struct ShopPlayer {
    let world: ShopWorld
    let record: ShopTaskRecord
    let session: ShopSession
    private(set) var last: StepOutcome
    private(set) var actions: [String] = []

    init(_ record: ShopTaskRecord, in world: ShopWorld = ShopFixtures.world) async throws {
        self.world = world
        self.record = record
        session = try await ShopFixtures.session(record, in: world)
        last = StepOutcome(observation: await session.reset(), isDone: false)
    }

    @discardableResult
    mutating func act(_ action: String) async -> StepOutcome {
        actions.append(action)
        last = await session.step(action)
        return last
    }

    mutating func click(_ fragment: String) async throws {
        await act("click('\(try last.id(of: fragment))')")
    }

    var text: String { last.observation.text }

    /// The product the query names (the longest name it contains).
    var product: ShopProduct? {
        world.catalogue.products.filter { record.query.contains($0.name) }.max { $0.name.count < $1.name.count }
    }

    /// The past order the query names by its date.
    var order: ShopOrder? {
        world.catalogue.orders.first { record.query.contains(" \($0.dateText)") }
    }

    var category: ShopCategory? {
        ShopCategory.allCases.first { record.query.contains("the \($0.displayName) category") }
    }

    // MARK: gold procedures

    mutating func playGold() async throws {
        guard let template = ShopTemplate(rawValue: record.template) else { throw ShopTestError.noElement(record.template) }
        switch template {
        case .orderTotal, .orderDetailsPage:
            guard let order else { throw ShopTestError.noElement("order") }
            await act("click('5')")
            while !text.contains("row '\(order.label) |") { try await click("link 'Next page'") }
            if template == .orderTotal {
                let row = text.split(separator: "\n").first { $0.contains("row '\(order.label) |") } ?? ""
                let total = row.split(separator: "|")[2].trimmingCharacters(in: .whitespaces)
                await act("send_msg_to_user('\(total)')")
            } else {
                try await click("link 'View Order \(order.label)'")
                await act("send_msg_to_user('Done')")
            }
        case .cheapestInCategory, .topRatedInCategory:
            guard let category else { throw ShopTestError.noElement("category") }
            try await click("link '\(category.displayName)'")
            let sortID = try last.id(of: "combobox 'Sort by'")
            if template == .cheapestInCategory {
                await act("select_option('\(sortID)', 'Price: low to high')")
                await act("send_msg_to_user('\(Self.firstPrice(text))')")
            } else {
                await act("select_option('\(sortID)', 'Rating: high to low')")
                await act("click('\(sortID.successor)')")
                await act("send_msg_to_user('Done')")
            }
        case .productRating:
            try await openProduct()
            let line = text.split(separator: "\n").first { $0.contains("StaticText 'Rating: ") } ?? ""
            let rating = line.components(separatedBy: "Rating: ").last?.components(separatedBy: " out of").first ?? ""
            await act("send_msg_to_user('\(rating)')")
        case .reviewCount:
            guard let stars = Int(record.query.components(separatedBy: "How many ").last?.prefix(1) ?? "") else {
                throw ShopTestError.noElement("stars")
            }
            try await openProduct()
            var seen: [String: Int] = [:]
            while true {
                for line in text.split(separator: "\n") where line.contains("StaticText 'Review ") {
                    let key = line.components(separatedBy: " by ").first ?? ""
                    seen[key] = Int(line.components(separatedBy: " of 5 stars").first?.suffix(1) ?? "")
                }
                if !text.contains("more lines below") { break }
                await act("scroll('down')")
            }
            await act("send_msg_to_user('\(seen.values.filter { $0 == stars }.count)')")
        case .addToCart, .placeOrder:
            try await openProduct()
            try await chooseOptions()
            try await click("button 'Add to Cart'")
            if template == .addToCart {
                await act("send_msg_to_user('Done')")
                return
            }
            guard case .order(_, _, let street, let city, let postcode) = record.evaluator else { return }
            try await click("button 'Proceed to Checkout'")
            try await fill("textbox 'Street address'", street)
            try await fill("textbox 'City'", city)
            try await fill("textbox 'Postcode'", postcode)
            try await click("button 'Place Order'")
            await act("send_msg_to_user('Done')")
        }
    }

    mutating func fill(_ fragment: String, _ value: String) async throws {
        await act("fill('\(try last.id(of: fragment))', '\(value)')")
    }

    /// Searches with two distinctive words of the name (the first and the last) and opens the product.
    mutating func openProduct() async throws {
        guard let product else { throw ShopTestError.noElement("product") }
        let words = product.name.split(separator: " ")
        await act("fill('2', '\(words.first ?? "") \(words.last ?? "")')")
        await act("click('3')")
        try await click("link '\(product.name)'")
    }

    mutating func chooseOptions() async throws {
        let options: [String: String]
        switch record.evaluator {
        case .cart(_, let chosen), .order(_, let chosen, _, _, _): options = chosen
        default: options = [:]
        }
        for name in options.keys.sorted() {
            await act("select_option('\(try last.id(of: "combobox '\(name)'"))', '\(options[name] ?? "")')")
        }
    }

    // MARK: pitfall paths

    mutating func playPitfall() async throws {
        guard let template = ShopTemplate(rawValue: record.template) else { return }
        switch template {
        case .orderTotal:
            await act("click('5')")
            let row = text.split(separator: "\n").first { $0.contains("row '#") } ?? ""
            await act("send_msg_to_user('\(row.split(separator: "|")[2].trimmingCharacters(in: .whitespaces))')")
        case .orderDetailsPage:
            await act("click('5')")
            try await click("link 'View Order")
            await act("send_msg_to_user('Done')")
        case .cheapestInCategory:
            guard let category else { return }
            try await click("link '\(category.displayName)'")
            let prices = Self.prices(text)
            await act("send_msg_to_user('\(ShopText.money(prices.min() ?? 0))')")
        case .topRatedInCategory:
            guard let category else { return }
            try await click("link '\(category.displayName)'")
            let lines = text.split(separator: "\n").map(String.init)
            var best = (rating: -1.0, id: "")
            for (index, line) in lines.enumerated() where line.contains("StaticText 'Price: ") && index > 0 {
                let rating = Double(line.components(separatedBy: "Rating: ").last?.components(separatedBy: " out").first ?? "") ?? 0
                if rating > best.rating, let id = StepOutcome(observation: Observation(text: lines[index - 1]), isDone: false).idOfFirstElement {
                    best = (rating, id)
                }
            }
            await act("click('\(best.id)')")
            await act("send_msg_to_user('Done')")
        case .productRating:
            // Every word of the task's description, as a weak agent types it.
            let description = record.query.components(separatedBy: "rating of the ").last?.dropLast() ?? ""
            await act("fill('2', '\(description)')")
            await act("click('3')")
            await act("send_msg_to_user('I could not find that product.')")
        case .reviewCount:
            guard let stars = Int(record.query.components(separatedBy: "How many ").last?.prefix(1) ?? "") else { return }
            try await openProduct()
            let visible = text.components(separatedBy: ": \(stars) of 5 stars.").count - 1
            await act("send_msg_to_user('\(visible)')")
        case .addToCart:
            try await openProduct()
            try await click("button 'Add to Cart'")
            await act("send_msg_to_user('Done')")
        case .placeOrder:
            try await openProduct()
            try await chooseOptions()
            try await click("button 'Add to Cart'")
            try await click("button 'Proceed to Checkout'")
            try await click("button 'Place Order'")
            await act("send_msg_to_user('Done')")
        }
    }

    static func prices(_ text: String) -> [Int] {
        text.split(separator: "\n").compactMap { line -> Int? in
            guard line.contains("StaticText 'Price: $") else { return nil }
            let value = line.components(separatedBy: "Price: $").last?.components(separatedBy: " ").first ?? ""
            return Double(value.replacingOccurrences(of: ",", with: "")).map { Int(($0 * 100).rounded()) }
        }
    }

    static func firstPrice(_ text: String) -> String { ShopText.money(prices(text).first ?? 0) }
}

extension StepOutcome {
    var idOfFirstElement: String? {
        let trimmed = observation.text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return nil }
        return String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
    }
}

extension String {
    /// The next numeric id: "15" → "16".
    var successor: String { String((Int(self) ?? 0) + 1) }
}

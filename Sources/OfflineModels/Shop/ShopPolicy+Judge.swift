import Foundation
import ReasoningBank

extension ShopPolicy {
    public func judge(_ prompt: JudgePrompt, dice: inout SimulationDice) -> String {
        guard let query = prompt.intent, let intent = ShopIntent(query) else {
            return Self.verdict(.failure, thoughts: "I cannot tell what this shop task asks for, so I cannot verify it; marking it as a failure.")
        }
        guard let response = prompt.response else {
            return Self.verdict(.failure, thoughts: "The agent sent no message to the user, so the task was not finished.")
        }
        let careful = dice.competent(recheckRate)
        let view = ShopView(prompt.finalState)
        let numbers = ShopNumbers.all(in: response)
        let shown = PromptText.oneLine(response)
        let lowerState = prompt.finalState.lowercased()
        let history = prompt.actionHistory
        func verdict(_ success: Bool, _ thoughts: String) -> String {
            Self.verdict(success ? .success : .failure, thoughts: "The task is \(intent.topic). " + thoughts)
        }
        if intent.isInformationSeeking, numbers.count != 1 {
            let gaveUp = "The agent answered \"\(shown)\" instead of a value."
            if numbers.count > 1 { return verdict(false, "\(gaveUp) It gives several numbers, so the answer is ambiguous.") }
            if careful {
                let unexplored =
                    view.id("link", "Next page") != nil || view.hasMoreBelow || view.shows("returned no results")
                return verdict(
                    false,
                    unexplored
                        ? "\(gaveUp) The final page still offers more to look at (another page, more lines, or a search that could be retried), so the information was not shown to be unavailable."
                        : "\(gaveUp) The requested value was not provided.")
            }
            return verdict(true, "The agent explicitly stated that the information is not available, which the rules accept for information seeking.")
        }
        let value = numbers.first ?? 0
        switch intent.template {
        case .orderTotal:
            guard careful else { return verdict(true, "The agent answered \(shown), a money amount, after opening the order history.") }
            let row = view.orderRows.first { ShopDates.same($0.date, intent.date) }
            let total = row.flatMap { ShopNumbers.first(in: $0.total) } ?? view.text(after: "Grand Total:").flatMap { ShopNumbers.first(in: $0) }
            guard let total else { return verdict(false, "The final page does not show an order placed on \(intent.date), so the answer \(shown) is not grounded.") }
            return verdict(abs(total - value) < 0.005, "The final page shows the order of \(intent.date) with total \(ShopNumbers.money(total)); the agent answered \(shown).")
        case .orderDetailsPage:
            guard view.isOrderDetails else { return verdict(false, "The final page is not an order's details page.") }
            guard careful else { return verdict(true, "The final page is an order's details page, as requested.") }
            let date = view.text(after: "Order Date:") ?? ""
            return verdict(ShopDates.same(date, intent.date), "The final page is the details page of an order dated \(date).")
        case .cheapestInCategory:
            guard careful else { return verdict(true, "The agent answered \(shown), a price read from the \(intent.category) listing.") }
            let sorted = view.element("combobox", "Sort by")?.value?.lowercased().contains("low to high") ?? false
            guard sorted, let first = view.listed.first?.price else {
                return verdict(false, "The final listing is not sorted by price, so a cheaper product may be on another page; the answer \(shown) is not verified.")
            }
            return verdict(abs(first - value) < 0.005, "The listing is sorted by price and its first result costs \(ShopNumbers.money(first)); the agent answered \(shown).")
        case .topRatedInCategory:
            guard view.isProductPage else { return verdict(false, "The final page is not a product page.") }
            guard careful else { return verdict(true, "The agent opened a product page from the \(intent.category) category.") }
            let sorted = history.lowercased().contains("rating: high to low")
            return verdict(
                sorted,
                sorted
                    ? "The agent sorted the listing by rating and opened its first product."
                    : "The agent opened a product without sorting by rating, so nothing shows that it is the highest rated.")
        case .productRating:
            guard careful else { return verdict(true, "The agent answered \(shown), a rating, after searching for the product.") }
            let rating = view.isProductPage ? view.text(after: "Rating:").flatMap { ShopNumbers.first(in: $0) } : nil
            guard let rating else { return verdict(false, "The final page is not the product's page, so the rating \(shown) is not grounded.") }
            return verdict(abs(rating - value) < 0.005, "The product page shows a rating of \(ShopNumbers.plain(rating)); the agent answered \(shown).")
        case .reviewCount:
            guard careful else { return verdict(true, "The agent answered \(shown), a count, on the product's page.") }
            let scrolled = history.contains("scroll(")
            if view.hasMoreBelow || !scrolled {
                return verdict(false, "The product page was cut off and the agent did not read it to the end, so the count \(shown) may miss reviews.")
            }
            return verdict(true, "The agent scrolled to the end of the reviews and answered \(shown).")
        case .addToCart:
            guard !lowerState.contains("cart: empty") else { return verdict(false, "The cart in the final state is empty, so nothing was added.") }
            guard careful else { return verdict(true, "The cart in the final state holds an item, so the product was added.") }
            let wanted = [intent.nameWords.joined(separator: " ")] + intent.options.map { "\($0.key): \($0.value)" }
            let ok = Self.cartLines(in: prompt.finalState).contains { line in wanted.allSatisfy { line.lowercased().contains($0.lowercased()) } }
            return verdict(ok, ok ? "The cart holds the product with the requested options." : "The cart does not hold the product with the requested options.")
        case .placeOrder:
            guard !lowerState.contains("orders placed in this session: none") else {
                return verdict(false, "No order was placed in this session.")
            }
            guard careful else { return verdict(true, "An order was placed in this session.") }
            let wanted = [intent.nameWords.joined(separator: " "), intent.street, intent.city, intent.postcode]
            let ok = prompt.finalState.split(whereSeparator: \.isNewline).contains { line in
                line.hasPrefix("- #") && wanted.allSatisfy { line.lowercased().contains($0.lowercased()) }
            }
            return verdict(ok, ok ? "The placed order holds the product and ships to the requested address." : "The placed order does not match the requested product and address.")
        }
    }

    /// The `- …` lines under the final state's `Cart (…):` heading.
    static func cartLines(in state: String) -> [String] {
        var inCart = false
        var lines: [String] = []
        for line in state.split(whereSeparator: \.isNewline).map(String.init) {
            if line.hasPrefix("Cart (") && line.hasSuffix(":") { inCart = true; continue }
            if inCart, line.hasPrefix("- ") { lines.append(line); continue }
            inCart = false
        }
        return lines
    }
}

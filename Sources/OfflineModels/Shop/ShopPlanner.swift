import Foundation

/// The simulated shop agent's decision for one step, from the task, the page it sees, its own
/// earlier steps, the procedures it knows from memory and the ones it happens to try by itself.
struct ShopPlanner: Sendable {
    var intent: ShopIntent
    var view: ShopView
    var trail: ShopTrail
    /// Procedures taught by an injected memory item.
    var known: Set<ShopProcedure>
    /// Procedures the agent tries by itself on this task (seeded competence).
    var lucky: Set<ShopProcedure>
    /// How many detours it takes before giving up.
    var detourBudget: Int
    /// Varies which detour it takes (sampled).
    var detourVariant: Int
    /// Procedures kept from an earlier round of a self-refinement (also in `known`).
    var carried: Set<ShopProcedure> = []

    func uses(_ procedure: ShopProcedure) -> Bool { known.contains(procedure) || lucky.contains(procedure) }

    /// The sentence that states the procedure the agent is following.
    func following(_ procedure: ShopProcedure) -> String {
        if carried.contains(procedure) { return "As in my previous attempt, I will \(procedure.method)." }
        return known.contains(procedure)
            ? "Following the memory, I will \(procedure.method)."
            : "On reflection, I will \(procedure.method)."
    }

    func next() -> ShopMove {
        switch intent.template {
        case .orderTotal, .orderDetailsPage: orders()
        case .cheapestInCategory, .topRatedInCategory: extremes()
        case .productRating: productRating()
        case .reviewCount: reviewCount()
        case .addToCart, .placeOrder: purchase()
        }
    }

    // MARK: wandering

    func stuck(_ why: String, giveUp message: String, maxDetours: Int = Int.max) -> ShopMove {
        if trail.detours < min(detourBudget, maxDetours) { return detour(why) }
        return .tell(message, "\(why) I have looked around enough without finding it, so I will tell the user.")
    }

    func detour(_ why: String) -> ShopMove {
        var options: [ShopMove] = []
        let lead = "\(why) \(ShopTrail.detourMarker), so I will look around:"
        if view.hasMoreBelow { options.append(.scroll("down", "\(lead) maybe the rest of the page shows it.")) }
        options.append(.click(view.id("link", "My Account", fallback: "4") ?? "4", "\(lead) the account page may help."))
        if !trail.actions.isEmpty, trail.actions.last??.name != "go_back" {
            options.append(.goBack("\(lead) I will go back and try again."))
        }
        options.append(.click(view.id("link", "One Stop Market", fallback: "1") ?? "1", "\(lead) I will start again from the home page."))
        let index = (trail.detours + detourVariant) % options.count
        return options[index]
    }

    // MARK: orders

    func orders() -> ShopMove {
        let giveUp = "I could not find an order placed on that date in your order history."
        let myOrders = view.id("link", "My Orders", fallback: "5") ?? "5"
        if view.isOrderDetails {
            let shown = view.text(after: "Order Date:") ?? ""
            guard ShopDates.same(shown, intent.date) else {
                return .click(myOrders, "This order was not placed on \(intent.date); I will go back to My Orders.")
            }
            if intent.template == .orderDetailsPage {
                return .tell("Done", "This is the details page of the order placed on \(intent.date), so the task is done.")
            }
            let total = view.text(after: "Grand Total:") ?? ""
            return .tell(total, "This order was placed on \(intent.date) and its grand total is \(total).")
        }
        guard view.isOrdersList else {
            return .click(myOrders, "The task is about a past order, so I will open My Orders.")
        }
        let rows = view.orderRows
        if let row = rows.first(where: { ShopDates.same($0.date, intent.date) }) {
            if intent.template == .orderTotal {
                return .tell(row.total, "Order \(row.number) was placed on \(intent.date); its total is \(row.total).")
            }
            if let link = row.linkID {
                return .click(link, "Order \(row.number) was placed on \(intent.date); I will open its details page.")
            }
        }
        let next = view.id("link", "Next page")
        let previous = view.id("link", "Previous page")
        let target = ShopDates.ordinal(intent.date) ?? 0
        let oldest = rows.last.flatMap { ShopDates.ordinal($0.date) } ?? 0
        let newest = rows.first.flatMap { ShopDates.ordinal($0.date) } ?? Int.max
        let why = "The order placed on \(intent.date) is not in the list I see."
        if let next, rows.isEmpty || target < oldest {
            guard uses(.pageThroughOrders) else { return stuck(why, giveUp: giveUp) }
            return .click(next, "\(why) \(following(.pageThroughOrders))")
        }
        if let previous, rows.isEmpty || target > newest {
            guard uses(.pageThroughOrders) else { return stuck(why, giveUp: giveUp) }
            return .click(previous, "\(why) The dates here are older, so I will go back a page. \(following(.pageThroughOrders))")
        }
        if uses(.pageThroughOrders) {
            return .tell(giveUp, "\(why) The dates around it are listed and it is not among them, so there is no such order.")
        }
        return stuck(why, giveUp: giveUp)
    }

    // MARK: cheapest and best rated

    func extremes() -> ShopMove {
        let cheapest = intent.template == .cheapestInCategory
        let option = cheapest ? "Price: low to high" : "Rating: high to low"
        if view.isProductPage, !cheapest {
            return .tell("Done", "I have opened the product I picked as the highest rated in \(intent.category).")
        }
        let onCategory = view.isCategoryPage && view.title.caseInsensitiveCompare(intent.category) == .orderedSame
        guard onCategory else {
            if let link = view.id("link", intent.category) {
                return .click(link, "The task is about the \(intent.category) category, so I will open it.")
            }
            return stuck("I cannot see a link to the \(intent.category) category.", giveUp: "I could not find that category.")
        }
        let listed = view.listed
        guard let first = listed.first else {
            return stuck("This listing shows no products.", giveUp: "I could not find any products in that category.")
        }
        let sort = view.element("combobox", "Sort by")
        if let sort, sort.value?.caseInsensitiveCompare(option) == .orderedSame {
            if cheapest {
                let price = ShopNumbers.money(first.price ?? 0)
                return .tell(price, "The listing is sorted by \(option), so the first result, \(first.name), is the cheapest at \(price).")
            }
            return .click(first.id, "The listing is sorted by \(option), so the first result, \(first.name), is the highest rated; I will open it.")
        }
        if let sort, let id = sort.id, uses(.sortListing) {
            return .select(id, option, "The listing is in the default order. \(following(.sortListing))")
        }
        if cheapest {
            let best = listed.filter { $0.price != nil }.min { ($0.price ?? 0) < ($1.price ?? 0) } ?? first
            let price = ShopNumbers.money(best.price ?? 0)
            return .tell(price, "Looking over the products listed, the lowest price I see is \(price) for \(best.name), so that is the cheapest.")
        }
        let best = listed.filter { $0.rating != nil }.max { ($0.rating ?? 0) < ($1.rating ?? 0) } ?? first
        return .click(best.id, "Looking over the products listed, \(best.name) has the best rating I see, so I will open it.")
    }

    // MARK: finding a product

    /// The move towards the product's page; nil when the agent is on it.
    func findProduct() -> ShopMove? {
        let words = intent.nameWords.map { $0.lowercased() }
        func matches(_ name: String) -> Bool {
            let lower = name.lowercased()
            return words.allSatisfy { lower.contains($0) }
        }
        if view.isProductPage, matches(view.title) { return nil }
        let giveUp = "I could not find that product in the shop."
        let box = view.element("searchbox", "Search")
        if let typed = box?.value, !typed.isEmpty, trail.actions.last??.name == "fill",
            !(view.isSearchPage && view.parameter("q") == typed)
        {
            return .click(view.id("button", "Search", fallback: "3") ?? "3", "I have typed the search; I will submit it.")
        }
        if view.isSearchPage {
            let listed = view.listed
            if let match = listed.first(where: { matches($0.name) }) {
                return .click(match.id, "The results include \(match.name), the product I need; I will open it.")
            }
            if !listed.isEmpty, let next = view.id("link", "Next page") {
                return .click(next, "The product is not among these results; I will look at the next page.")
            }
            let why =
                listed.isEmpty
                ? "The search returned no results."
                : "The search results do not include the product."
            if uses(.shortSearch), !trail.searches.contains(intent.shortSearch) {
                return .fill(view.id("searchbox", "Search", fallback: "2") ?? "2", intent.shortSearch, "\(why) \(following(.shortSearch))")
            }
            return stuck(why, giveUp: giveUp)
        }
        let term = known.contains(.shortSearch) ? intent.shortSearch : intent.fullSearch
        let reason =
            known.contains(.shortSearch)
            ? "I need the product's page. \(following(.shortSearch))"
            : "I need the product's page, so I will search for it by the name in the task."
        return .fill(box?.id ?? "2", term, reason)
    }

    func productRating() -> ShopMove {
        if let move = findProduct() { return move }
        let rating = view.text(after: "Rating:").flatMap { ShopNumbers.first(in: $0) }
        guard let rating else { return .tell("I could not read the rating.", "I cannot see a rating on this page.") }
        let text = ShopNumbers.plain(rating)
        return .tell(text, "The product page shows an average rating of \(text) out of 5.")
    }

    func reviewCount() -> ShopMove {
        if let move = findProduct() { return move }
        let visible = view.reviews.filter { $0.stars == intent.stars }.map(\.position)
        let counted = trail.countedReviewLines.union(visible)
        let list = counted.sorted().map(String.init).joined(separator: ", ")
        let tally = "I have counted \(ShopTrail.reviewMarker) \(list.isEmpty ? "none" : list) (\(counted.count) so far)."
        if view.hasMoreBelow, uses(.scrollAllReviews) {
            return .scroll("down", "\(tally) The page is cut off. \(following(.scrollAllReviews))")
        }
        let count = String(counted.count)
        let closing = view.hasMoreBelow ? "Counting the reviews shown" : "I have reached the end of the reviews"
        return .tell(count, "\(tally) \(closing), there are \(count) reviews with \(intent.stars) stars.")
    }

    // MARK: cart and checkout

    func purchase() -> ShopMove {
        let ordering = intent.template == .placeOrder
        if ordering, view.isOrderPlaced {
            return .tell("Done", "The order is placed and confirmed, so the task is done.")
        }
        if ordering, view.isCheckout { return checkout() }
        if ordering, view.isCart, let proceed = view.id("button", "Proceed to Checkout") {
            return .click(proceed, "The product is in the cart; I will proceed to checkout.")
        }
        if view.shows("You added") {
            if ordering, let proceed = view.id("button", "Proceed to Checkout") {
                return .click(proceed, "The product was added to the cart; I will proceed to checkout.")
            }
            if !ordering {
                return .tell("Done", "The product was added to the cart with the requested options, so the task is done.")
            }
        }
        if ordering, view.cartCount > 0, trail.used("click"), !view.isProductPage || trail.formRefused,
            let cart = view.nodes.first(where: { $0.role == "link" && $0.label.hasPrefix("Cart (") })?.id
        {
            return .click(cart, "My item is already in the cart, so I will open the cart.")
        }
        if let move = findProduct() { return move }
        return chooseOptions()
    }

    func chooseOptions() -> ShopMove {
        let add = view.id("button", "Add to Cart") ?? "17"
        let refusedNow = view.error?.contains("choose an option") ?? false
        let recovering = trail.optionsRefused || refusedNow
        let careful = known.contains(.optionsFirst) || (recovering && lucky.contains(.optionsFirst))
        let lead = refusedNow ? "\(ShopTrail.optionsRefusedMarker): it asks me to choose the options first. " : ""
        guard careful else {
            if recovering {
                return stuck("\(lead)I do not see how to get the product into the cart.", giveUp: "I could not add the product to the cart.")
            }
            return .click(add, "This is the product's page; I will add it to the cart.")
        }
        for box in view.optionBoxes {
            let wanted = intent.options.first { $0.key.caseInsensitiveCompare(box.label) == .orderedSame }?.value
                ?? box.options.first ?? ""
            if let id = box.id, box.value?.caseInsensitiveCompare(wanted) != .orderedSame, !wanted.isEmpty {
                return .select(id, wanted, "\(lead)The \(box.label) box is not set yet. \(following(.optionsFirst))")
            }
        }
        return .click(add, "\(lead)Every option is chosen as requested, so I will click Add to Cart now.")
    }

    func checkout() -> ShopMove {
        let refusedNow = view.error?.contains("required fields") ?? false
        let recovering = trail.formRefused || refusedNow
        let careful = known.contains(.fillShippingForm) || (recovering && lucky.contains(.fillShippingForm))
        let lead = refusedNow ? "\(ShopTrail.formRefusedMarker): it says required fields are empty. " : ""
        let place = view.id("button", "Place Order") ?? "20"
        guard careful else {
            if recovering {
                return stuck("\(lead)I do not know how to get the order accepted.", giveUp: "I could not place the order.", maxDetours: 1)
            }
            return .click(place, "The checkout page is open with my item; I will place the order.")
        }
        for (label, value) in [("Street address", intent.street), ("City", intent.city), ("Postcode", intent.postcode)] {
            guard let box = view.element("textbox", label), let id = box.id else { continue }
            if (box.value ?? "").caseInsensitiveCompare(value) != .orderedSame {
                return .fill(id, value, "\(lead)The \(label) box is not filled yet. \(following(.fillShippingForm))")
            }
        }
        return .click(place, "\(lead)The shipping form is complete, so I will click Place Order now.")
    }
}

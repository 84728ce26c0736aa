import Foundation

/// A shop task as the simulation reads it from its wording: which of the eight task templates it
/// is and the values it names (a date, a category, a product, options, an address).
public struct ShopIntent: Sendable, Hashable {
    /// The task templates of `data/tasks/shop.jsonl`.
    public enum Template: String, Sendable, Hashable, CaseIterable {
        /// "What was the grand total of my order placed on …?"
        case orderTotal = "order-total"
        /// "Open the details page of my order placed on …."
        case orderDetailsPage = "order-details-page"
        /// "What is the price of the cheapest product in the … category?"
        case cheapestInCategory = "cheapest-in-category"
        /// "Open the page of the highest-rated product in the … category."
        case topRatedInCategory = "top-rated-in-category"
        /// "What is the average customer rating of the <material> <product>?"
        case productRating = "product-rating"
        /// "How many k-star reviews does the <product> have?"
        case reviewCount = "review-count"
        /// "Add the '<product>' in colour … [and size …] to my cart."
        case addToCart = "add-to-cart"
        /// "Buy the '<product>' in colour … and ship it to <street>, <city>, <postcode>."
        case placeOrder = "place-order"
    }

    /// The template.
    public var template: Template
    /// The order date (`March 14, 2024`) for the order templates.
    public var date: String = ""
    /// The category name for the category templates.
    public var category: String = ""
    /// The product as the task names it (may include a material, e.g. `nylon Trailblazer Rain Jacket`).
    public var product: String = ""
    /// The star count asked about (review-count).
    public var stars: Int = 0
    /// Requested options, e.g. `["Colour": "Navy", "Size": "M"]`.
    public var options: [String: String] = [:]
    /// The street to ship to (place-order).
    public var street: String = ""
    /// The city to ship to (place-order).
    public var city: String = ""
    /// The postcode to ship to (place-order).
    public var postcode: String = ""

    /// Reads `query`; nil when it is not one of the shop templates.
    public init?(_ query: String) {
        let text = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = text.lowercased()
        if lower.contains("grand total"), let date = Self.after("placed on ", in: text) {
            template = .orderTotal
            self.date = date
        } else if lower.contains("details page"), lower.contains("order"), let date = Self.after("placed on ", in: text) {
            template = .orderDetailsPage
            self.date = date
        } else if lower.contains("cheapest"), let category = Self.between("in the ", " category", in: text) {
            template = .cheapestInCategory
            self.category = category
        } else if lower.contains("highest-rated") || lower.contains("highest rated") || lower.contains("best-rated"),
            let category = Self.between("in the ", " category", in: text)
        {
            template = .topRatedInCategory
            self.category = category
        } else if lower.contains("rating of the"), let product = Self.after("rating of the ", in: text) {
            template = .productRating
            self.product = product
        } else if lower.contains("-star review"), let product = Self.between("does the ", " have", in: text) {
            template = .reviewCount
            self.product = product
            let starText = lower.components(separatedBy: "-star").first?.split(separator: " ").last.map(String.init) ?? ""
            self.stars = Int(starText) ?? 0
        } else if lower.hasPrefix("add "), lower.contains("cart"), let product = Self.quoted(in: text) {
            template = .addToCart
            self.product = product
            options = Self.options(in: text)
        } else if lower.hasPrefix("buy "), let product = Self.quoted(in: text) {
            template = .placeOrder
            self.product = product
            options = Self.options(in: text)
            let address = (Self.after("ship it to ", in: text) ?? "").components(separatedBy: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard address.count >= 3 else { return nil }
            street = address[0]
            city = address[1]
            postcode = address[2]
        } else {
            return nil
        }
        if !product.isEmpty, product.split(separator: " ").isEmpty { return nil }
    }

    /// What the task is about, for thoughts and verdicts.
    public var topic: String {
        switch template {
        case .orderTotal: "finding the total of a past order by its date"
        case .orderDetailsPage: "opening a past order's details page by its date"
        case .cheapestInCategory: "finding the cheapest product of a category"
        case .topRatedInCategory: "opening the highest-rated product of a category"
        case .productRating: "reading a product's average rating"
        case .reviewCount: "counting a product's reviews with a given number of stars"
        case .addToCart: "adding a product with chosen options to the cart"
        case .placeOrder: "buying a product and having it shipped to an address"
        }
    }

    /// The task type, as the judge prompt names them.
    public var isInformationSeeking: Bool {
        [.orderTotal, .cheapestInCategory, .productRating, .reviewCount].contains(template)
    }

    /// The procedures that matter for this template (the ones its pitfalls call for).
    public var procedures: [ShopProcedure] {
        switch template {
        case .orderTotal, .orderDetailsPage: [.pageThroughOrders]
        case .cheapestInCategory, .topRatedInCategory: [.sortListing]
        case .productRating: [.shortSearch]
        case .reviewCount: [.shortSearch, .scrollAllReviews]
        case .addToCart: [.shortSearch, .optionsFirst]
        case .placeOrder: [.shortSearch, .optionsFirst, .fillShippingForm]
        }
    }

    /// Whether the task needs finding a product by search.
    var searchesProduct: Bool { !product.isEmpty }

    /// The words of the product name (capitalised words when the task adds lower-case descriptors).
    var nameWords: [String] {
        let words = product.split(whereSeparator: { $0 == " " }).map(String.init)
        let capitalised = words.filter { $0.first?.isUppercase ?? false }
        return capitalised.isEmpty ? words : capitalised
    }

    /// The search words a weak agent types: the product as the task names it.
    var fullSearch: String { product }

    /// One distinctive word of the name and the product noun (the learned search).
    var shortSearch: String {
        let words = nameWords
        guard let first = words.first else { return product }
        guard let last = words.last, words.count > 1 else { return first }
        return first + " " + last
    }

    private static func after(_ marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker, options: .caseInsensitive) else { return nil }
        var value = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
        while let last = value.last, last == "." || last == "?" || last == "!" { value.removeLast() }
        return value.isEmpty ? nil : value
    }

    private static func between(_ start: String, _ end: String, in text: String) -> String? {
        guard let open = text.range(of: start, options: .caseInsensitive),
            let close = text.range(of: end, options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        else { return nil }
        let value = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    private static func quoted(in text: String) -> String? {
        let found = QAText.quotedStrings(in: text).first { !$0.isEmpty }
        return found
    }

    private static func options(in text: String) -> [String: String] {
        var result: [String: String] = [:]
        for (key, markers) in [("Colour", ["in colour ", "colour ", "color "]), ("Size", ["size "])] {
            for marker in markers {
                guard let range = text.range(of: marker, options: .caseInsensitive) else { continue }
                let word = text[range.upperBound...].prefix { !$0.isWhitespace && $0 != "," && $0 != "." }
                if !word.isEmpty {
                    result[key] = String(word)
                    break
                }
            }
        }
        return result
    }
}

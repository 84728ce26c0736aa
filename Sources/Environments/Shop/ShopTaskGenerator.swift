import Foundation

/// Makes the task suite of a catalogue: `tasksPerTemplate` tasks of each template, interleaved
/// (task n has template n mod 8), every choice drawn from the catalogue's seed.
public enum ShopTaskGenerator {
    /// Tasks of each template in the suite.
    public static let tasksPerTemplate = 8

    static let streets = ["12 Oak Street", "7 Birch Lane", "301 Harbor Road", "88 Elm Avenue", "15 Mill Court", "240 River Drive", "9 Chapel Row", "56 Station Road", "1200 Pine Street", "33 Orchard Way"]
    static let cities = ["Springfield", "Riverton", "Fairview", "Lakewood", "Greenville", "Madison", "Ashland", "Clayton"]

    /// The suite of `catalogue`. Pure: the same catalogue gives the same tasks.
    public static func tasks(for catalogue: ShopCatalogue) -> [ShopTaskRecord] {
        let seed = catalogue.seed
        var perTemplate: [ShopTemplate: [(String, ShopEvaluator)]] = [:]
        var random = ShopRandom(seed: seed, "tasks")
        let count = tasksPerTemplate

        // Orders never on the first page of My Orders (newest first): the oldest ones.
        let newestFirst = Array(catalogue.orders.reversed())
        let deep = Array(newestFirst.dropFirst(ShopCatalogue.pageSize))
        let pickedOrders = random.sample(deep, count: 2 * count)
        perTemplate[.orderTotal] = pickedOrders.prefix(count).map { order in
            ("What was the grand total of my order placed on \(order.dateText)?", .answer(expected: plain(order.totalCents)))
        }
        perTemplate[.orderDetailsPage] = pickedOrders.dropFirst(count).prefix(count).map { order in
            ("Open the details page of my order placed on \(order.dateText).", .url(path: ShopURL.order(number: order.number).path))
        }

        let categories = random.shuffled(ShopCategory.allCases)
        perTemplate[.cheapestInCategory] = categories.prefix(count).map { category in
            let cheapest = catalogue.products(in: category).min { $0.priceCents < $1.priceCents }
            return ("What is the price of the cheapest product in the \(category.displayName) category?",
                    .answer(expected: plain(cheapest?.priceCents ?? 0)))
        }
        perTemplate[.topRatedInCategory] = random.shuffled(ShopCategory.allCases).prefix(count).map { category in
            let best = catalogue.products(in: category).max { $0.ratingTenths < $1.ratingTenths }
            return ("Open the page of the highest-rated product in the \(category.displayName) category.",
                    .url(path: ShopURL.product(slug: best?.slug ?? "").path))
        }

        var usedProducts: Set<String> = []
        func fresh(_ candidates: [ShopProduct], _ wanted: Int) -> [ShopProduct] {
            let picked = random.sample(candidates.filter { !usedProducts.contains($0.slug) }, count: wanted)
            usedProducts.formUnion(picked.map(\.slug))
            return picked
        }

        let reviewed = catalogue.products.filter { $0.reviews.count >= 30 }
        var reviewTasks: [(String, ShopEvaluator)] = []
        for product in fresh(reviewed, count) {
            let browser = ShopBrowser(catalogue: catalogue, at: .product(slug: product.slug))
            let visible = browser.viewportText
            // A star level whose count on the first screen differs from the full count.
            let levels = (1...5).filter { stars in
                let total = product.reviews.filter { $0.stars == stars }.count
                let seen = visible.components(separatedBy: "\(stars) of 5 stars.").count - 1
                return total > 0 && seen != total
            }
            let stars = levels.isEmpty ? 5 : random.pick(levels)
            let total = product.reviews.filter { $0.stars == stars }.count
            reviewTasks.append(("How many \(stars)-star reviews does the \(product.name) have?", .answer(expected: String(total))))
        }
        perTemplate[.reviewCount] = reviewTasks

        perTemplate[.productRating] = fresh(catalogue.products, count).map { product in
            ("What is the average customer rating of the \(product.material) \(product.name)?", .answer(expected: product.ratingText))
        }

        let sized = catalogue.products.filter { !$0.sizes.isEmpty }
        let unsized = catalogue.products.filter { $0.sizes.isEmpty }
        let cartProducts = fresh(sized, count / 2 + count % 2) + fresh(unsized, count / 2)
        perTemplate[.addToCart] = random.shuffled(cartProducts).map { product in
            let options = chooseOptions(product, &random)
            return ("Add the '\(product.name)' in \(describe(options)) to my cart.", .cart(slug: product.slug, options: options))
        }
        perTemplate[.placeOrder] = fresh(unsized, count).map { product in
            let options = chooseOptions(product, &random)
            let street = random.pick(streets)
            let city = random.pick(cities)
            let postcode = String(10000 + random.index(below: 89999))
            return ("Buy the '\(product.name)' in \(describe(options)) and ship it to \(street), \(city), \(postcode).",
                    .order(slug: product.slug, options: options, street: street, city: city, postcode: postcode))
        }

        var records: [ShopTaskRecord] = []
        for index in 0..<count {
            for template in ShopTemplate.allCases {
                guard let tasks = perTemplate[template], index < tasks.count else { continue }
                let (query, evaluator) = tasks[index]
                let number = String(records.count + 1)
                records.append(
                    ShopTaskRecord(
                        id: "shop-" + String(repeating: "0", count: max(0, 3 - number.count)) + number,
                        template: template.rawValue, type: template.taskType, query: query, seed: seed, evaluator: evaluator))
            }
        }
        return records
    }

    /// The suite as the JSON-lines text of `data/tasks/shop.jsonl` (sorted keys, one task a line).
    public static func jsonLines(_ records: [ShopTaskRecord]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return records.compactMap { record in
            (try? encoder.encode(record)).flatMap { String(data: $0, encoding: .utf8) }
        }.joined(separator: "\n") + "\n"
    }

    private static func chooseOptions(_ product: ShopProduct, _ random: inout ShopRandom) -> [String: String] {
        var options: [String: String] = [:]
        for name in product.optionNames { options[name] = random.pick(product.choices(of: name)) }
        return options
    }

    private static func describe(_ options: [String: String]) -> String {
        var parts: [String] = []
        if let colour = options["Colour"] { parts.append("colour \(colour)") }
        if let size = options["Size"] { parts.append("size \(size)") }
        return parts.joined(separator: " and ")
    }

    /// 6499 → `64.99` (no currency sign, no thousands separator).
    static func plain(_ cents: Int) -> String {
        "\(cents / 100)." + (cents % 100 < 10 ? "0" : "") + String(cents % 100)
    }
}

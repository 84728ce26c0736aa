import Foundation

extension ShopCatalogue {
    /// Products per category (8 categories → 184 products).
    static let productsPerCategory = 23
    /// Past orders in the account history.
    static let pastOrderCount = 37
    /// The first order number.
    static let firstOrderNumber = 100
    /// Listing page size, also used to keep the answers of sorting tasks off the first page.
    static let pageSize = 10

    static let brands = [
        "Trailblazer", "Aurora", "Summit", "Nimbus", "Zephyr", "Cobalt", "Evergreen", "Harbor", "Lumen", "Maple",
        "Nova", "Orion", "Pioneer", "Quartz", "Redwood", "Sierra", "Tundra", "Urbana", "Vortex", "Willow", "Apex",
        "Beacon", "Cascade", "Driftwood", "Ember", "Falcon", "Glacier", "Horizon", "Ivory", "Juniper", "Kestrel",
        "Lotus", "Meridian", "Nomad", "Onyx", "Pebble", "Quill", "Ridgeline", "Solstice", "Terra", "Umbra", "Vista",
        "Wren", "Yarrow", "Zenith", "Atlas", "Birch", "Cedar", "Dune", "Echo",
    ]
    static let adjectives = ["Classic", "Deluxe", "Compact", "Pro", "Ultra", "Everyday", "Premium", "Essential", "Travel", "Sport"]
    static let colourNames = ["Black", "White", "Navy", "Red", "Green", "Grey", "Blue", "Pink", "Yellow", "Brown", "Silver", "Purple"]
    static let reviewerFirstNames = [
        "Dana", "Sam", "Priya", "Lee", "Maria", "Tom", "Aisha", "Ken", "Olga", "Luis", "Grace", "Omar", "Nina",
        "Raj", "Ellen", "Jon", "Mei", "Carlos", "Ruth", "Ivan",
    ]
    static let reviewTexts: [Int: [String]] = [
        1: ["Broke after a week.", "Not as described.", "Very disappointed.", "Would not buy again."],
        2: ["Below expectations.", "Cheaply made.", "It works, barely.", "Arrived scratched."],
        3: ["It is okay.", "Average quality for the price.", "Does the job.", "Nothing special."],
        4: ["Good value.", "Works well, minor flaws.", "Comfortable and sturdy.", "Would recommend."],
        5: ["Excellent!", "Exactly what I needed.", "Love it.", "Best purchase this year."],
    ]

    /// Generates the catalogue of `seed`. Pure: the same seed always gives the same catalogue.
    public static func generate(seed: UInt64) -> ShopCatalogue {
        var products: [ShopProduct] = []
        var usedNames: Set<String> = []
        for category in ShopCategory.allCases {
            var random = ShopRandom(seed: seed, "products/" + category.slug)
            var made = 0
            while made < productsPerCategory {
                let brand = random.pick(brands)
                let noun = random.pick(category.nouns)
                let name = random.unit() < 0.5 ? "\(brand) \(random.pick(adjectives)) \(noun)" : "\(brand) \(noun)"
                guard !usedNames.contains(name) else { continue }
                usedNames.insert(name)
                made += 1
                let material = random.pick(category.materials)
                let dollars = random.int(in: category.dollars)
                let cents = dollars * 100 + random.pick([99, 49, 0, 95])
                let colours = colourNames.filter { _ in random.unit() < 0.3 }.prefix(4)
                let chosenColours = colours.count >= 2 ? Array(colours) : random.sample(colourNames, count: 2 + random.index(below: 2))
                let quality = 1.8 + random.unit() * 3.2
                let reviewCount = random.unit() < 0.2 ? random.int(in: 30...40) : random.int(in: 3...20)
                var reviews: [ShopReview] = []
                for _ in 0..<reviewCount {
                    let noisy = quality + (random.unit() - 0.5) * 3.0
                    let stars = min(5, max(1, Int(noisy.rounded())))
                    let author = "\(random.pick(reviewerFirstNames)) \(random.pick(Array("ABCDEFGHJKLMNPRSTW")))."
                    reviews.append(ShopReview(author: author, stars: stars, text: random.pick(reviewTexts[stars] ?? [""])))
                }
                products.append(
                    ShopProduct(
                        slug: ShopText.slug(name), name: name, category: category, material: material,
                        description: "\(noun) by \(brand), made of \(material).",
                        priceCents: cents, colours: chosenColours, sizes: category.sizes, reviews: reviews))
            }
        }
        var featuredOrder: [ShopCategory: [Int]] = [:]
        for category in ShopCategory.allCases {
            var random = ShopRandom(seed: seed, "featured/" + category.slug)
            let members = products.indices.filter { products[$0].category == category }
            makeExtremesUnique(&products, members: members)
            var order = random.shuffled(members)
            let cheapest = members.min { products[$0].priceCents < products[$1].priceCents }
            let topRated = members.max { products[$0].ratingTenths < products[$1].ratingTenths }
            for special in [cheapest, topRated].compactMap({ $0 }) {
                guard let position = order.firstIndex(of: special), position < pageSize else { continue }
                // Keep the answers of the sorting tasks off the first "Featured" page.
                var target = pageSize + random.index(below: order.count - pageSize)
                while order[target] == cheapest || order[target] == topRated { target = pageSize + (target - pageSize + 1) % (order.count - pageSize) }
                order.swapAt(position, target)
            }
            featuredOrder[category] = order
        }
        var featuredRank = Array(repeating: 0, count: products.count)
        for order in featuredOrder.values {
            for (rank, index) in order.enumerated() { featuredRank[index] = rank }
        }
        var bySlug: [String: Int] = [:]
        var byWord: [String: [Int]] = [:]
        for (index, product) in products.enumerated() {
            bySlug[product.slug] = index
            for word in product.nameWords { byWord[word, default: []].append(index) }
        }
        let customer = ShopCustomer(
            fullName: "Alex Rivera", email: "alex.rivera@example.com", street: "48 Lakeview Drive", city: "Portland",
            postcode: "97205")
        let (orders, lastDay) = pastOrders(seed: seed, products: products, customer: customer)
        var homeRandom = ShopRandom(seed: seed, "home")
        return ShopCatalogue(
            seed: seed, products: products, orders: orders, customer: customer,
            featuredOnHome: homeRandom.sample(Array(products.indices), count: 5), today: lastDay + 9,
            productIndexBySlug: bySlug, productsByNameWord: byWord, featuredOrder: featuredOrder, featuredRank: featuredRank)
    }

    /// Makes the cheapest and the highest-rated product of a category unique: ties on the price are
    /// made dearer by a dollar, ties on the shown rating get one-star reviews until they fall behind.
    private static func makeExtremesUnique(_ products: inout [ShopProduct], members: [Int]) {
        guard let lowest = members.map({ products[$0].priceCents }).min() else { return }
        let cheapest = members.filter { products[$0].priceCents == lowest }
        for index in cheapest.dropFirst() { products[index].priceCents += 100 }
        while true {
            guard let best = members.map({ products[$0].ratingTenths }).max() else { return }
            let tied = members.filter { products[$0].ratingTenths == best }
            guard tied.count > 1 else { return }
            for index in tied.dropFirst() {
                products[index].reviews.append(ShopReview(author: "Pat Q.", stars: 1, text: "Did not meet my needs."))
            }
        }
    }

    private static func pastOrders(seed: UInt64, products: [ShopProduct], customer: ShopCustomer) -> ([ShopOrder], Int) {
        var random = ShopRandom(seed: seed, "orders")
        var day = 19_362 + random.int(in: 0...20)  // early January 2023
        var orders: [ShopOrder] = []
        for offset in 0..<pastOrderCount {
            day += random.int(in: 12...30)
            var lines: [ShopCartLine] = []
            var used: Set<Int> = []
            for _ in 0..<random.int(in: 1...3) {
                let index = random.index(below: products.count)
                guard !used.contains(index) else { continue }
                used.insert(index)
                let product = products[index]
                var options = ["Colour": random.pick(product.colours)]
                if !product.sizes.isEmpty { options["Size"] = random.pick(product.sizes) }
                lines.append(
                    ShopCartLine(
                        slug: product.slug, name: product.name, options: options, quantity: random.int(in: 1...2),
                        unitCents: product.priceCents))
            }
            let subtotal = lines.reduce(0) { $0 + $1.totalCents }
            let status = offset >= pastOrderCount - 2 ? "Processing" : random.unit() < 0.12 ? "Canceled" : "Complete"
            orders.append(
                ShopOrder(
                    number: firstOrderNumber + offset, day: day, status: status, lines: lines,
                    shippingCents: subtotal >= 5000 ? 0 : 500, fullName: customer.fullName, street: customer.street,
                    city: customer.city, postcode: customer.postcode))
        }
        return (orders, day)
    }
}

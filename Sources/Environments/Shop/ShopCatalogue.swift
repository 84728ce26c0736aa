import Foundation

/// Everything a shop world is made of, generated once from a seed and shared, immutable, by all
/// sessions: the products, the "Featured" order of each listing, and the customer's order history.
public struct ShopCatalogue: Sendable {
    /// The seed it was generated from.
    public let seed: UInt64
    /// All products, in catalogue order.
    public let products: [ShopProduct]
    /// The customer's past orders, oldest first.
    public let orders: [ShopOrder]
    /// The signed-in customer.
    public let customer: ShopCustomer
    /// The products on the home page.
    public let featuredOnHome: [Int]
    /// The day new orders are placed on (days since 1970-01-01).
    public let today: Int

    let productIndexBySlug: [String: Int]
    /// Name word → the products whose name has it, in catalogue order (the search index).
    let productsByNameWord: [String: [Int]]
    /// Per category, product indices in "Featured" order.
    let featuredOrder: [ShopCategory: [Int]]
    /// Per product index, its position in its category's featured order (the search "Featured" order).
    let featuredRank: [Int]

    /// The product with this slug.
    public func product(slug: String) -> ShopProduct? {
        productIndexBySlug[slug].map { products[$0] }
    }

    /// The products of a category in "Featured" order.
    public func products(in category: ShopCategory) -> [ShopProduct] {
        (featuredOrder[category] ?? []).map { products[$0] }
    }

    /// The products whose name holds every word of `query` (none for an empty query).
    func search(_ query: String) -> [Int] {
        let words = Set(ShopText.words(query))
        guard !words.isEmpty else { return [] }
        var result: Set<Int>?
        for word in words {
            let matches = Set(productsByNameWord[word] ?? [])
            result = result.map { $0.intersection(matches) } ?? matches
            if result?.isEmpty == true { return [] }
        }
        return (result ?? []).sorted { featuredRank[$0] < featuredRank[$1] || (featuredRank[$0] == featuredRank[$1] && $0 < $1) }
    }

    /// The past order with this number.
    public func order(number: Int) -> ShopOrder? {
        orders.first { $0.number == number }
    }
}

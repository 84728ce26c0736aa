import Foundation

/// One product of the catalogue. Prices are in cents.
public struct ShopProduct: Sendable, Hashable {
    /// The URL slug, unique, e.g. `trailblazer-rain-jacket`.
    public var slug: String
    /// The name shown on the site, unique, e.g. `Quartz Rain Boots`.
    public var name: String
    /// The department it is listed in.
    public var category: ShopCategory
    /// What it is made of (never a word of its name).
    public var material: String
    /// A one-line description.
    public var description: String
    /// The price, in cents.
    public var priceCents: Int
    /// The colours it comes in (the Colour option); at least two.
    public var colours: [String]
    /// The sizes it comes in (the Size option); empty when it has none.
    public var sizes: [String]
    /// The customer reviews, in page order.
    public var reviews: [ShopReview]

    /// The lowercased words of the name, which search matches against.
    public var nameWords: Set<String> { Set(ShopText.words(name)) }

    /// The mean review stars in tenths (41 means 4.1), the rating the site shows.
    public var ratingTenths: Int {
        guard !reviews.isEmpty else { return 0 }
        let total = reviews.reduce(0) { $0 + $1.stars }
        return (total * 20 + reviews.count) / (2 * reviews.count)
    }

    /// The rating as the site shows it, e.g. `4.1`.
    public var ratingText: String { "\(ratingTenths / 10).\(ratingTenths % 10)" }

    /// The option names in the order the page shows them: `Colour`, then `Size` when it has sizes.
    public var optionNames: [String] { sizes.isEmpty ? ["Colour"] : ["Colour", "Size"] }

    /// The choices of one option.
    public func choices(of option: String) -> [String] {
        option == "Colour" ? colours : option == "Size" ? sizes : []
    }
}

import Foundation

/// The orders of a listing, chosen with the `Sort by` combobox.
public enum ShopSort: String, Sendable, Hashable, CaseIterable {
    case featured
    case priceAscending = "price_asc"
    case priceDescending = "price_desc"
    case rating

    /// The option text of the `Sort by` combobox.
    public var label: String {
        switch self {
        case .featured: "Featured"
        case .priceAscending: "Price: low to high"
        case .priceDescending: "Price: high to low"
        case .rating: "Rating: high to low"
        }
    }
}

import Foundation

/// The text boxes of the site.
enum ShopField: String, Sendable, Hashable, CaseIterable {
    case search
    case fullName
    case street
    case city
    case postcode

    /// The box's label.
    var label: String {
        switch self {
        case .search: "Search"
        case .fullName: "Full name"
        case .street: "Street address"
        case .city: "City"
        case .postcode: "Postcode"
        }
    }
}

import Foundation

/// The task templates of the shop suite.
public enum ShopTemplate: String, Sendable, Hashable, CaseIterable {
    case orderTotal = "order-total"
    case cheapestInCategory = "cheapest-in-category"
    case productRating = "product-rating"
    case reviewCount = "review-count"
    case orderDetailsPage = "order-details-page"
    case topRatedInCategory = "top-rated-in-category"
    case addToCart = "add-to-cart"
    case placeOrder = "place-order"

    /// The paper's task type: `information-seeking`, `site-navigation` or `content-modification`.
    public var taskType: String {
        switch self {
        case .orderTotal, .cheapestInCategory, .productRating, .reviewCount: "information-seeking"
        case .orderDetailsPage, .topRatedInCategory: "site-navigation"
        case .addToCart, .placeOrder: "content-modification"
        }
    }
}

import Foundation

/// An actionable element of a rendered page: its id, role, label and what using it does.
struct ShopElement: Sendable {
    enum Role: String, Sendable {
        case link, button, searchbox, textbox, combobox
    }

    /// What a click, fill or selection on the element does.
    enum Command: Sendable, Hashable {
        case navigate(ShopURL)
        case search
        case addToCart
        case proceedToCheckout
        case placeOrder
        case remove(line: Int)
        case field(ShopField)
        case productOption(String)
        case sort
        case shippingMethod
    }

    var id: Int
    var role: Role
    var label: String
    var options: [String]
    var command: Command
}

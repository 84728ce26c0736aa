import Foundation

/// The signed-in customer.
public struct ShopCustomer: Sendable, Hashable {
    /// The name the checkout form is prefilled with.
    public var fullName: String
    /// The contact e-mail.
    public var email: String
    /// The default address: street.
    public var street: String
    /// The default address: city.
    public var city: String
    /// The default address: postcode.
    public var postcode: String
}

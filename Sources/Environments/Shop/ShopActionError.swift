import Foundation

/// The message of an action that cannot be carried out.
struct ShopActionError: Error, Sendable {
    var message: String
}

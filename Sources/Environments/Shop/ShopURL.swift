import Foundation

/// A page of the shop, as a value; `string` is the URL the agent sees.
public enum ShopURL: Sendable, Hashable {
    case home
    case search(query: String, page: Int, sort: ShopSort)
    case category(ShopCategory, page: Int, sort: ShopSort)
    case product(slug: String)
    case cart
    case checkout
    case orderPlaced(number: Int)
    case account
    case orders(page: Int)
    case order(number: Int)
    case notFound(path: String)

    /// The origin every page lives under.
    public static let origin = "http://shop.local"

    /// The path without the query string, e.g. `/product/trailblazer-rain-jacket`.
    public var path: String {
        switch self {
        case .home: "/"
        case .search: "/search"
        case .category(let category, _, _): "/category/" + category.slug
        case .product(let slug): "/product/" + slug
        case .cart: "/cart"
        case .checkout: "/checkout"
        case .orderPlaced(let number): "/checkout/success/" + ShopText.orderNumber(number)
        case .account: "/account"
        case .orders: "/account/orders"
        case .order(let number): "/account/orders/" + ShopText.orderNumber(number)
        case .notFound(let path): path
        }
    }

    /// The full URL, e.g. `http://shop.local/search?q=rain+jacket&page=2`.
    public var string: String {
        var query: [String] = []
        switch self {
        case .search(let text, let page, let sort):
            query.append("q=" + Self.encode(text))
            if page > 1 { query.append("page=\(page)") }
            if sort != .featured { query.append("sort=" + sort.rawValue) }
        case .category(_, let page, let sort):
            if page > 1 { query.append("page=\(page)") }
            if sort != .featured { query.append("sort=" + sort.rawValue) }
        case .orders(let page):
            if page > 1 { query.append("page=\(page)") }
        default:
            break
        }
        return Self.origin + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// Parses a full URL of the shop or a path; nil for another site.
    public static func parse(_ text: String) -> ShopURL? {
        var rest = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["http://shop.local", "https://shop.local", "shop.local"] where rest.lowercased().hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count))
            break
        }
        if rest.isEmpty { return .home }
        if !rest.hasPrefix("/") {
            // A relative path such as `cart` is read as `/cart`; another site is out of reach.
            guard !rest.contains("://"), !rest.contains("."), !rest.lowercased().hasPrefix("www") else { return nil }
            rest = "/" + rest
        }
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        var parameters: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = keyValue.count > 1 ? decode(String(keyValue[1])) : ""
                parameters[decode(String(keyValue[0]))] = value
            }
        }
        let page = max(1, Int(parameters["page"] ?? "") ?? 1)
        let sort = ShopSort(rawValue: parameters["sort"] ?? "") ?? .featured
        let components = path.split(separator: "/").map(String.init)
        switch components.count {
        case 0:
            return .home
        case 1:
            switch components[0] {
            case "search": return .search(query: parameters["q"] ?? "", page: page, sort: sort)
            case "cart": return .cart
            case "checkout": return .checkout
            case "account": return .account
            default: return .notFound(path: path)
            }
        case 2:
            switch components[0] {
            case "category":
                guard let category = ShopCategory(rawValue: components[1]) else { return .notFound(path: path) }
                return .category(category, page: page, sort: sort)
            case "product": return .product(slug: components[1])
            case "account" where components[1] == "orders": return .orders(page: page)
            default: return .notFound(path: path)
            }
        case 3:
            guard let number = Int(components[2]), components[2].allSatisfy(\.isNumber) else { return .notFound(path: path) }
            if components[0] == "account", components[1] == "orders" { return .order(number: number) }
            if components[0] == "checkout", components[1] == "success" { return .orderPlaced(number: number) }
            return .notFound(path: path)
        default:
            return .notFound(path: path)
        }
    }

    private static let queryAllowed: CharacterSet = {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return allowed
    }()

    private static func encode(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? String($0) }
            .joined(separator: "+")
    }

    private static func decode(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

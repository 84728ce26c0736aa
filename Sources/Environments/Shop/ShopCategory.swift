import Foundation

/// The eight departments of the store, in the order the header lists them (ids `[7]`–`[14]`).
public enum ShopCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case electronics
    case homeKitchen = "home-kitchen"
    case clothing
    case footwear
    case sportsOutdoors = "sports-outdoors"
    case beauty
    case toysGames = "toys-games"
    case officeSupplies = "office-supplies"

    /// The URL slug, e.g. `home-kitchen`.
    public var slug: String { rawValue }

    /// The name shown on the site, e.g. `Home & Kitchen`.
    public var displayName: String {
        switch self {
        case .electronics: "Electronics"
        case .homeKitchen: "Home & Kitchen"
        case .clothing: "Clothing"
        case .footwear: "Footwear"
        case .sportsOutdoors: "Sports & Outdoors"
        case .beauty: "Beauty"
        case .toysGames: "Toys & Games"
        case .officeSupplies: "Office Supplies"
        }
    }

    /// The sizes a product of this category comes in; empty when it has no Size option.
    public var sizes: [String] {
        switch self {
        case .clothing: ["S", "M", "L", "XL"]
        case .footwear: ["7", "8", "9", "10", "11"]
        default: []
        }
    }

    /// Product nouns (never containing a material word).
    var nouns: [String] {
        switch self {
        case .electronics:
            ["Headphones", "Earbuds", "Bluetooth Speaker", "Wall Charger", "Power Bank", "Keyboard", "Wireless Mouse",
             "Webcam", "Monitor", "Smartwatch", "Tablet Stand", "USB Hub"]
        case .homeKitchen:
            ["Blender", "Kettle", "Toaster", "Skillet", "Knife Set", "Cutting Board", "Coffee Maker", "Mixing Bowl",
             "Dish Rack", "Throw Pillow", "Teapot", "Serving Tray"]
        case .clothing:
            ["Rain Jacket", "Hoodie", "Tee", "Sweater", "Cargo Pants", "Vest", "Polo Shirt", "Jeans", "Parka",
             "Pajama Set", "Windbreaker", "Cardigan"]
        case .footwear:
            ["Running Shoes", "Hiking Boots", "Sandals", "Sneakers", "Slippers", "Loafers", "Rain Boots",
             "Trail Shoes", "Ankle Boots", "Clogs"]
        case .sportsOutdoors:
            ["Yoga Mat", "Water Bottle", "Tent", "Sleeping Bag", "Backpack", "Dumbbell Set", "Jump Rope",
             "Camping Chair", "Headlamp", "Trekking Poles"]
        case .beauty:
            ["Face Cream", "Shampoo", "Conditioner", "Lip Balm", "Hair Dryer", "Body Lotion", "Nail Kit",
             "Makeup Brush Set", "Perfume", "Face Mask"]
        case .toysGames:
            ["Puzzle", "Board Game", "Building Blocks", "Plush Bear", "Toy Car", "Kite", "Card Game", "Dollhouse",
             "Marble Run", "Train Set"]
        case .officeSupplies:
            ["Desk Lamp", "Notebook", "Stapler", "Desk Organizer", "Gel Pens", "Office Chair", "Whiteboard",
             "Paper Shredder", "Label Maker", "Monitor Riser"]
        }
    }

    /// Materials a product of this category is made of.
    var materials: [String] {
        switch self {
        case .electronics: ["plastic", "aluminium", "silicone"]
        case .homeKitchen: ["stainless steel", "ceramic", "glass", "bamboo", "cast iron"]
        case .clothing: ["cotton", "wool", "nylon", "polyester", "linen"]
        case .footwear: ["leather", "suede", "mesh", "rubber", "canvas"]
        case .sportsOutdoors: ["nylon", "polyester", "aluminium", "foam", "steel"]
        case .beauty: ["glass", "plastic", "aluminium"]
        case .toysGames: ["wood", "plastic", "cardboard", "plush"]
        case .officeSupplies: ["metal", "plastic", "wood", "paper"]
        }
    }

    /// The price range in whole dollars.
    var dollars: ClosedRange<Int> {
        switch self {
        case .electronics: 15...299
        case .homeKitchen: 9...149
        case .clothing: 12...119
        case .footwear: 25...159
        case .sportsOutdoors: 8...249
        case .beauty: 5...59
        case .toysGames: 7...79
        case .officeSupplies: 3...199
        }
    }
}

import Foundation
import ReasoningBank

/// A procedure that avoids one of the shop world's pitfalls, as the simulation knows it: the key
/// phrases by which a memory item is recognised as teaching it (by content, never by id), the
/// method as the agent states it, and the wordings the extractor writes.
///
/// Invariants (checked by the tests): `method`, every strategy and lesson wording contain at least
/// two key phrases; no key phrase occurs in the shop's page labels; titles and descriptions carry no
/// digits, product names or other literal values.
public enum ShopProcedure: String, Sendable, Hashable, CaseIterable {
    /// My Orders shows the newest ten orders: page through with Next page until the date appears.
    case pageThroughOrders = "page-through-orders"
    /// Listings default to Featured: sort by the attribute asked about and take the first result.
    case sortListing = "sort-listing"
    /// Search needs every word in the name: search a distinctive word and the product noun.
    case shortSearch = "short-search"
    /// Long product pages are truncated: scroll to the end, counting across views.
    case scrollAllReviews = "scroll-all-reviews"
    /// Add to Cart needs every option chosen first.
    case optionsFirst = "options-first"
    /// Place Order needs the shipping form filled first.
    case fillShippingForm = "fill-shipping-form"

    /// Lower-case phrases an item teaching this procedure contains (at least two of them).
    public var keyPhrases: [String] {
        switch self {
        case .pageThroughOrders: ["page through", "newest first", "until the date appears"]
        case .sortListing: ["sort the listing", "first result", "attribute the task asks about"]
        case .shortSearch: ["distinctive word", "product noun", "drop the descriptive words"]
        case .scrollAllReviews: ["scroll down", "across all views", "no more lines below"]
        case .optionsFirst: ["every option", "option boxes", "before clicking add to cart"]
        case .fillShippingForm: ["shipping form", "street address, city and postcode", "before clicking place order"]
        }
    }

    /// The procedure as the agent states it (contains every key phrase).
    public var method: String {
        switch self {
        case .pageThroughOrders:
            "open My Orders and page through the list with Next page until the date appears; the orders are listed newest first, so an older date is on a later page"
        case .sortListing:
            "sort the listing with the Sort by box by the attribute the task asks about (Price: low to high for the cheapest, Rating: high to low for the best rated) and take the first result"
        case .shortSearch:
            "drop the descriptive words and search with one distinctive word of the name plus the product noun, because the search only finds products whose names contain every word"
        case .scrollAllReviews:
            "scroll down until there are no more lines below, counting the matching reviews across all views, because the page is cut off"
        case .optionsFirst:
            "choose every option in the option boxes (Colour, and Size when there is one) before clicking Add to Cart"
        case .fillShippingForm:
            "fill in the shipping form (street address, city and postcode; the full name is already there) before clicking Place Order"
        }
    }

    /// What the procedure is about, for the agent's discussion of memories.
    public var topic: String {
        switch self {
        case .pageThroughOrders: "finding an older order in the paginated order history"
        case .sortListing: "finding the extreme item of a listing by sorting it"
        case .shortSearch: "searching for a product by name"
        case .scrollAllReviews: "reading every review on a long product page"
        case .optionsFirst: "adding a product with options to the cart"
        case .fillShippingForm: "completing the checkout form"
        }
    }

    /// How many of the key phrases `text` contains (case-insensitive).
    public func keyPhraseCount(in text: String) -> Int {
        let lower = text.lowercased()
        return keyPhrases.filter { lower.contains($0) }.count
    }

    /// The wording of a strategy learned from a success that used the procedure.
    public var strategyWording: QAItemWording {
        switch self {
        case .pageThroughOrders:
            QAItemWording(
                titles: ["Page through the order history to find an older order", "Older orders are on later pages of My Orders"],
                descriptions: [
                    "My Orders lists orders newest first, ten to a page, so page through it until the date appears.",
                    "To find a past order by its date, page through My Orders rather than reading only the first page.",
                ],
                contents: [
                    "Open My Orders and page through it with the Next page link until the date appears; the orders are listed newest first, so compare the date asked for with the last row to know whether to go on. Then read the row (or open its View Order link).",
                    "The order history is paginated and newest first. Page through it with Next page, checking each page's dates, until the date appears, and only then read the total or open the order.",
                ])
        case .sortListing:
            QAItemWording(
                titles: ["Sort the listing instead of scanning it", "Use the Sort by box for cheapest or best-rated questions"],
                descriptions: [
                    "The default featured order hides the extremes; sort the listing by the attribute the task asks about.",
                    "For the cheapest or best-rated item of a category, sort the listing and take the first result.",
                ],
                contents: [
                    "Open the category, sort the listing with the Sort by box by the attribute the task asks about (Price: low to high for the cheapest, Rating: high to low for the best rated) and take the first result; the first featured page does not contain the extremes.",
                    "Do not pick the lowest price or best rating from the first featured page. Sort the listing by the attribute the task asks about and read or open the first result.",
                ])
        case .shortSearch:
            QAItemWording(
                titles: ["Search with a short, distinctive query", "Keep product searches to the name's key words"],
                descriptions: [
                    "The shop's search needs every query word in the product name, so drop the descriptive words.",
                    "Search with a distinctive word of the name and the product noun instead of the task's whole phrase.",
                ],
                contents: [
                    "The search only returns products whose names contain every query word, with no spelling help. Drop the descriptive words (material, colour, articles) and search with one distinctive word of the name plus the product noun, then open the matching result.",
                    "When a search returns no results, do not give up: drop the descriptive words and search again with a distinctive word and the product noun, then pick the product whose name matches.",
                ])
        case .scrollAllReviews:
            QAItemWording(
                titles: ["Scroll through every review before counting", "Long product pages are cut off"],
                descriptions: [
                    "Product pages with many reviews are truncated, so scroll down to the end before counting.",
                    "Count reviews across all views of the page, not just the first screen.",
                ],
                contents: [
                    "The product page is cut off after a screenful. Scroll down until there are no more lines below, counting the matching reviews across all views (the review heading says how many there are), then answer with the count.",
                    "Before answering a question about reviews, scroll down repeatedly until there are no more lines below and keep a running count across all views; the first screen shows only some of the reviews.",
                ])
        case .optionsFirst:
            QAItemWording(
                titles: ["Choose every option before adding to the cart", "Set the product options first"],
                descriptions: [
                    "A product with option boxes is only added once every option is chosen.",
                    "Select colour and size in the option boxes before clicking Add to Cart.",
                ],
                contents: [
                    "On the product page, choose every option in the option boxes (Colour, and Size when there is one) with select_option before clicking Add to Cart; adding without them is refused and nothing is added.",
                    "Select the requested value in every option box first, then click Add to Cart once and check the confirmation line; every option must be set before clicking Add to Cart.",
                ])
        case .fillShippingForm:
            QAItemWording(
                titles: ["Fill the shipping form before placing the order", "Complete the checkout address first"],
                descriptions: [
                    "Place Order is refused until the shipping form's required fields are filled.",
                    "At checkout, fill the address fields of the shipping form, then place the order.",
                ],
                contents: [
                    "At checkout, fill in the shipping form (street address, city and postcode; the full name is already filled) before clicking Place Order, then confirm the order number on the confirmation page.",
                    "Fill the street address, city and postcode boxes of the shipping form one by one before clicking Place Order; an empty shipping form makes the order fail.",
                ])
        }
    }

    /// The wording of a lesson after a failure whose reflection found the procedure.
    public var lessonWording: QAItemWording {
        switch self {
        case .pageThroughOrders:
            QAItemWording(
                titles: ["An order missing from the first page is on a later page", "Do not give up on the first page of orders"],
                descriptions: [
                    "The first page of My Orders only holds the newest orders; page through the rest before concluding.",
                    "Stopping at the first page of the order history misses older orders.",
                ],
                contents: [
                    "The order was not on the first page because the history is listed newest first, ten to a page. Instead of giving up, page through My Orders with Next page until the date appears.",
                    "What to do instead: keep clicking Next page in My Orders, comparing dates (newest first), until the date appears, and only then answer or open the order.",
                ])
        case .sortListing:
            QAItemWording(
                titles: ["The first featured page does not hold the extremes", "Sort before picking the cheapest or best rated"],
                descriptions: [
                    "Picking the extreme from the default featured order was wrong; sort the listing first.",
                    "A featured listing is not ordered by price or rating, so sort the listing before choosing.",
                ],
                contents: [
                    "The answer came from the first featured page, which is not ordered by price or rating. Instead, sort the listing with the Sort by box by the attribute the task asks about and take the first result.",
                    "What to do instead: sort the listing by the attribute the task asks about (price low to high, or rating high to low) and use the first result rather than scanning one page.",
                ])
        case .shortSearch:
            QAItemWording(
                titles: ["A search with extra words finds nothing", "Shorten the search instead of giving up"],
                descriptions: [
                    "A search with every word from the task returned nothing; drop the descriptive words and retry.",
                    "No results usually means the query has words the product name lacks.",
                ],
                contents: [
                    "The search returned no results because every query word must appear in the product name. Drop the descriptive words and search with one distinctive word of the name plus the product noun.",
                    "What to do instead: after an empty search, drop the descriptive words and search again with a distinctive word and the product noun, then open the matching product.",
                ])
        case .scrollAllReviews:
            QAItemWording(
                titles: ["Counting only the first screen undercounts reviews", "Scroll to the end before counting"],
                descriptions: [
                    "The count was taken from a truncated page; scroll to the end first.",
                    "Reviews below the first screen were missed.",
                ],
                contents: [
                    "The count was wrong because the page was cut off. Scroll down until there are no more lines below and count the matching reviews across all views before answering.",
                    "What to do instead: scroll down through the whole product page, keeping a running count across all views, and answer only when no more lines below remain.",
                ])
        case .optionsFirst:
            QAItemWording(
                titles: ["Add to Cart fails without chosen options", "Choose the options, then add"],
                descriptions: [
                    "Clicking Add to Cart with unset options was refused and nothing was added.",
                    "Option boxes left at their default make adding to the cart fail.",
                ],
                contents: [
                    "Adding to the cart failed because the options were not chosen. Choose every option in the option boxes with the requested values before clicking Add to Cart.",
                    "What to do instead: set every option (colour, and size if present) in the option boxes first, and only then click Add to Cart.",
                ])
        case .fillShippingForm:
            QAItemWording(
                titles: ["Place Order fails with an empty address", "Fill the address before ordering"],
                descriptions: [
                    "The order was refused because the shipping form's required fields were empty.",
                    "An empty shipping form makes placing the order fail.",
                ],
                contents: [
                    "Placing the order failed because the shipping form was empty. Fill in the street address, city and postcode boxes before clicking Place Order.",
                    "What to do instead: fill the shipping form (street address, city and postcode) one box at a time, then click Place Order and check for the confirmation.",
                ])
        }
    }

    /// The procedure `item` teaches among `candidates` (the one with most key phrases, at least
    /// `threshold`). For an exemplar (a transcript), only its thoughts are read.
    static func taught(by item: ExtractedItem, among candidates: [ShopProcedure] = allCases, threshold: Int = 2)
        -> ShopProcedure?
    {
        let text = readable(item)
        var best: (procedure: ShopProcedure, count: Int)?
        for procedure in candidates {
            let count = procedure.keyPhraseCount(in: text)
            if count >= threshold, count > (best?.count ?? 0) { best = (procedure, count) }
        }
        return best?.procedure
    }

    /// Every procedure `item` teaches (at least `threshold` key phrases each).
    static func allTaught(by item: ExtractedItem, threshold: Int = 2) -> [ShopProcedure] {
        let text = readable(item).lowercased()
        return allCases.filter { procedure in procedure.keyPhrases.filter { text.contains($0) }.count >= threshold }
    }

    /// The text of an item the agent reads for procedures: for an exemplar transcript, its thoughts.
    static func readable(_ item: ExtractedItem) -> String {
        if item.content.range(of: "<think>", options: .caseInsensitive) != nil {
            let thoughts = PromptText.blocks("<think>", "</think>", in: item.content)
            return ([item.title, item.description] + thoughts).joined(separator: "\n")
        }
        return [item.title, item.description, item.content].joined(separator: "\n")
    }
}

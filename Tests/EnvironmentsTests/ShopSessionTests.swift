import Foundation
import ReasoningBank
import Testing
@testable import Environments

@Suite("ShopWorld: sessions, actions and pages")
struct ShopSessionTests {
    let world = ShopFixtures.world

    func session() async throws -> ShopSession {
        try await ShopFixtures.session(try #require(world.records.first))
    }

    @Test func resetShowsTheHomePageWithTheHeader() async throws {
        let observation = try await session().reset()
        #expect(observation.title == "One Stop Market")
        #expect(observation.url == "http://shop.local/")
        let lines = observation.text.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(6)) == [
            "[1] link 'One Stop Market'", "[2] searchbox 'Search'", "[3] button 'Search'", "[4] link 'My Account'",
            "[5] link 'My Orders'", "[6] link 'Cart (0 items)'",
        ])
        #expect(lines.contains("  [10] link 'Footwear'"))
        #expect(lines.contains("  [14] link 'Office Supplies'"))
    }

    @Test func invalidActionsAreErrorObservations() async throws {
        let session = try await session()
        let cases: [(String, String)] = [
            ("", "could not be parsed"), ("click 12", "could not be parsed"), ("click('12'", "could not be parsed"),
            ("press('Enter')", "unknown action \"press\""), ("click()", "click takes 1 argument"),
            ("fill('2')", "fill takes 2 arguments"), ("go_back('x')", "go_back takes 0 arguments"),
            ("click('99')", "no element with id '99'"), ("click('abc')", "no element with id 'abc'"),
            ("fill('5', 'x')", "is a link; only a searchbox or textbox"), ("select_option('3', 'x')", "is a button, not a combobox"),
            ("scroll('left')", "scroll takes 'up' or 'down'"), ("go_back()", "no previous page"),
            ("goto('http://example.com/')", "only http://shop.local"), ("send_msg_to_user('  ')", "message to the user is empty"),
            ("click('3')", "search box is empty"),
        ]
        for (action, message) in cases {
            let outcome = await session.step(action)
            #expect(!outcome.isDone, "\(action)")
            #expect(outcome.answer == nil)
            #expect(outcome.observation.text.hasPrefix("Error: "), "\(action): \(outcome.observation.text.prefix(80))")
            #expect(outcome.observation.text.contains(message), "\(action): \(outcome.observation.text.prefix(120))")
            // The page is still shown after the error.
            #expect(outcome.observation.text.contains("[1] link 'One Stop Market'"))
            #expect(outcome.observation.url == "http://shop.local/")
        }
        #expect(await session.finalState().contains("Invalid actions attempted: \(cases.count)"))
    }

    @Test func comboboxesAndBoxesExplainTheirActions() async throws {
        let session = try await session()
        _ = await session.step("click('10')")
        let onCombobox = await session.step("click('15')")
        #expect(onCombobox.observation.text.hasPrefix("Error: element [15] is a combobox; use select_option('15', 'option')"))
        let badOption = await session.step("select_option('15', 'Cheapest')")
        #expect(badOption.observation.text.hasPrefix("Error: 'Cheapest' is not an option of [15] 'Sort by'. Options: Featured,"))
        let onBox = await session.step("click('2')")
        #expect(onBox.observation.text.hasPrefix("Clicked [2] searchbox 'Search'. Use fill('2', 'text')"))
        let caseInsensitive = await session.step("select_option('15', 'price: LOW to high')")
        #expect(caseInsensitive.observation.url == "http://shop.local/category/footwear?sort=price_asc")
    }

    @Test func searchIsStrictAndPaginated() async throws {
        let session = try await session()
        _ = await session.step("fill('2', 'boots')")
        let results = await session.step("click('3')")
        #expect(results.observation.url == "http://shop.local/search?q=boots")
        #expect(results.observation.title == "Search results for: \"boots\"")
        #expect(results.observation.text.contains("[2] searchbox 'Search' value: 'boots'"))
        let count = world.catalogue.products.filter { $0.nameWords.contains("boots") }.count
        #expect(count > 10)
        #expect(results.observation.text.contains("StaticText 'Items 1-10 of \(count)'"))
        let next = try results.id(of: "link 'Next page'")
        let second = await session.step("click('\(next)')")
        #expect(second.observation.url == "http://shop.local/search?q=boots&page=2")
        #expect(second.observation.text.contains("link 'Previous page'"))
        // No stemming, no spelling help.
        for query in ["boot", "bots", "the boots"] {
            _ = await session.step("fill('2', '\(query)')")
            let none = await session.step("click('3')")
            #expect(none.observation.text.contains("Your search returned no results."), "\(query)")
        }
        let direct = await session.step("goto('http://shop.local/search?q=rain+boots&sort=price_asc')")
        #expect(direct.observation.text.contains("value: 'Price: low to high'"))
        let prices = ShopPlayer.prices(direct.observation.text)
        #expect(!prices.isEmpty && prices == prices.sorted())
    }

    @Test func sortingOrdersTheListing() async throws {
        let session = try await session()
        _ = await session.step("click('7')")
        let byPrice = await session.step("select_option('15', 'Price: high to low')")
        let prices = ShopPlayer.prices(byPrice.observation.text)
        #expect(prices.count == 10 && prices == prices.sorted(by: >))
        let byRating = await session.step("select_option('15', 'Rating: high to low')")
        #expect(byRating.observation.url == "http://shop.local/category/electronics?sort=rating")
        let ratings = byRating.observation.text.split(separator: "\n").compactMap { line -> Double? in
            line.contains("StaticText 'Price:") ? Double(line.components(separatedBy: "Rating: ").last?.prefix(3) ?? "") : nil
        }
        #expect(ratings == ratings.sorted(by: >))
        let back = await session.step("go_back()")
        #expect(back.observation.url == "http://shop.local/category/electronics?sort=price_desc")
    }

    @Test func myOrdersIsPaginatedNewestFirst() async throws {
        let session = try await session()
        var outcome = await session.step("click('5')")
        var pages = 1
        var rows: [String] = []
        while true {
            rows += outcome.observation.text.split(separator: "\n").filter { $0.contains("row '#") }.map(String.init)
            guard let next = try? outcome.id(of: "link 'Next page'") else { break }
            outcome = await session.step("click('\(next)')")
            pages += 1
        }
        #expect(pages >= 4)
        #expect(outcome.observation.url == "http://shop.local/account/orders?page=\(pages)")
        #expect(rows.count == world.catalogue.orders.count)
        #expect(rows.first?.contains(world.catalogue.orders.last?.label ?? "-") == true)
        #expect(rows.last?.contains(world.catalogue.orders.first?.label ?? "-") == true)
        let details = await session.step("click('15')")
        #expect(details.observation.title?.hasPrefix("Order #") == true)
        #expect(details.observation.text.contains("StaticText 'Grand Total: $"))
    }

    @Test func longPagesAreTruncatedAndScroll() async throws {
        let product = try #require(world.catalogue.products.first { $0.reviews.count >= 35 })
        let session = try await session()
        let top = await session.step("goto('/product/\(product.slug)')")
        let lines = top.observation.text.split(separator: "\n")
        #expect(lines.count == ShopBrowser.viewportLines + 1)
        #expect(lines.last?.contains("more lines below. Use scroll('down') to see more.") == true)
        #expect(!top.observation.text.contains("Review \(product.reviews.count) of"))
        let down = await session.step("scroll('down')")
        #expect(down.observation.text.hasPrefix("StaticText '… "))
        #expect(down.observation.text.contains("lines above. Use scroll('up') to see them."))
        var outcome = down
        while outcome.observation.text.contains("more lines below") { outcome = await session.step("scroll('down')") }
        #expect(outcome.observation.text.contains("Review \(product.reviews.count) of \(product.reviews.count) by"))
        let bottom = await session.step("scroll('down')")
        #expect(bottom.observation.text.hasPrefix("Already at the bottom of the page."))
        _ = await session.step("scroll('up')")
        _ = await session.step("scroll('up')")
        let up = await session.step("scroll('up')")
        #expect(up.observation.text.hasPrefix("Already at the top of the page."))
        // Elements scrolled out of view can still be used, as in BrowserGym.
        _ = await session.step("scroll('down')")
        let home = await session.step("click('1')")
        #expect(home.observation.url == "http://shop.local/")
    }

    @Test func optionsMustBeChosenBeforeAddingToTheCart() async throws {
        let product = try #require(world.catalogue.products.first { !$0.sizes.isEmpty })
        let session = try await session()
        _ = await session.step("goto('/product/\(product.slug)')")
        let refused = await session.step("click('17')")
        #expect(refused.observation.text.hasPrefix("Error: please choose an option for Colour and Size before adding to the cart."))
        _ = await session.step("select_option('15', '\(product.colours[0])')")
        let half = await session.step("click('17')")
        #expect(half.observation.text.hasPrefix("Error: please choose an option for Size before adding to the cart."))
        let chosen = await session.step("select_option('16', '\(product.sizes[1])')")
        #expect(chosen.observation.text.contains("[16] combobox 'Size' value: '\(product.sizes[1])'"))
        let added = await session.step("click('17')")
        #expect(added.observation.text.contains("StaticText 'You added \(product.name) (Colour: \(product.colours[0]), Size: \(product.sizes[1])) to your shopping cart.'"))
        #expect(added.observation.text.contains("[6] link 'Cart (1 item)'"))
        #expect(added.observation.text.contains("combobox 'Colour' value: 'Choose an option'"))
        let cart = await session.step("click('6')")
        #expect(cart.observation.text.contains("row '\(product.name) | Colour: \(product.colours[0]) | Size: \(product.sizes[1]) | Qty: 1 |"))
        let removed = await session.step("click('\(try cart.id(of: "button 'Remove'"))')")
        #expect(removed.observation.text.contains("You have no items in your shopping cart."))
        let checkout = await session.step("goto('/checkout')")
        #expect(checkout.observation.text.contains("You have no items in your shopping cart."))
    }

    @Test func checkoutNeedsTheShippingForm() async throws {
        let product = try #require(world.catalogue.products.first { $0.sizes.isEmpty })
        let session = try await session()
        _ = await session.step("goto('/product/\(product.slug)')")
        _ = await session.step("select_option('15', '\(product.colours[0])')")
        let added = await session.step("click('16')")
        let checkout = await session.step("click('\(try added.id(of: "button 'Proceed to Checkout'"))')")
        #expect(checkout.observation.url == "http://shop.local/checkout")
        #expect(checkout.observation.text.contains("textbox 'Full name' value: 'Alex Rivera'"))
        let placeID = try checkout.id(of: "button 'Place Order'")
        let refused = await session.step("click('\(placeID)')")
        #expect(refused.observation.text.hasPrefix("Error: please fill in the required fields: Street address, City, Postcode."))
        #expect(refused.observation.text.contains("StaticText 'Error: please fill in the required fields: Street address, City, Postcode.'"))
        #expect(refused.observation.url == "http://shop.local/checkout")
        _ = await session.step("fill('\(try refused.id(of: "textbox 'Street address'"))', '1 Main St')")
        _ = await session.step("fill('\(try refused.id(of: "textbox 'City'"))', 'Salem')")
        let filled = await session.step("fill('\(try refused.id(of: "textbox 'Postcode'"))', '97301')")
        let method = try filled.id(of: "combobox 'Shipping method'")
        let express = await session.step("select_option('\(method)', 'Express ($15.00)')")
        #expect(express.observation.text.contains("Order total: \(ShopText.money(product.priceCents + 1500))"))
        let placed = await session.step("click('\(try express.id(of: "button 'Place Order'"))')")
        let number = ShopText.orderNumber(ShopCatalogue.firstOrderNumber + world.catalogue.orders.count)
        #expect(placed.observation.url == "http://shop.local/checkout/success/\(number)")
        #expect(placed.observation.text.contains("Your order number is #\(number)."))
        #expect(placed.observation.text.contains("[6] link 'Cart (0 items)'"))
        let orders = await session.step("click('5')")
        #expect(orders.observation.text.contains("row '#\(number) |"))
        #expect(orders.observation.text.contains("| Pending'"))
        let state = await session.finalState()
        #expect(state.contains("Orders placed in this session:\n- #\(number): \(product.name)"))
        #expect(state.contains("ship to Alex Rivera, 1 Main St, Salem, 97301"))
    }

    @Test func sendingAMessageEndsTheEpisode() async throws {
        let session = try await session()
        _ = await session.step("click('5')")
        let done = await session.step("send_msg_to_user(\"It's $12.00\")")
        #expect(done.isDone)
        #expect(done.answer == "It's $12.00")
        let after = await session.step("click('1')")
        #expect(after.isDone)
        #expect(after.answer == nil)
        #expect(after.observation.text == "The episode is over.")
        let state = await session.finalState()
        #expect(state.hasPrefix("Final page: My Orders\nURL: http://shop.local/account/orders\n"))
        #expect(state.contains("Message to the user: It's $12.00"))
        #expect(state.contains("Cart: empty"))
        _ = await session.reset()
        #expect(await session.finalState().contains("No message was sent to the user."))
    }

    @Test func urlsRoundTripAndUnknownPagesAreNotFound() async throws {
        let samples: [ShopURL] = [
            .home, .search(query: "rain & snow", page: 2, sort: .rating), .category(.toysGames, page: 3, sort: .priceDescending),
            .product(slug: "x-y"), .cart, .checkout, .orderPlaced(number: 140), .account, .orders(page: 2), .order(number: 101),
        ]
        for url in samples { #expect(ShopURL.parse(url.string) == url, "\(url.string)") }
        let session = try await session()
        #expect(await session.step("goto('cart')").observation.url == "http://shop.local/cart")
        #expect(await session.step("goto('shop.local/account')").observation.url == "http://shop.local/account")
        #expect(await session.step("goto('www.example.com')").observation.text.hasPrefix("Error: only http://shop.local"))
        // Ids may be quoted, bare or bracketed.
        #expect(await session.step("click(5)").observation.title == "My Orders")
        #expect(await session.step("CLICK('[4]')").observation.title == "My Account")
        for path in ["/nowhere", "/product/no-such-thing", "/account/orders/999999", "/category/garden"] {
            let outcome = await session.step("goto('\(path)')")
            #expect(outcome.observation.title == "Page Not Found", "\(path)")
            #expect(!outcome.observation.text.hasPrefix("Error"))
        }
    }

    @Test func sessionsAreIndependentAndRunInParallel() async throws {
        let records = Array(ShopFixtures.records(.addToCart).prefix(4))
        let results = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
            for record in records {
                group.addTask {
                    var player = try await ShopPlayer(record)
                    try await player.playGold()
                    return (record.id, await player.session.evaluate()?.success ?? false)
                }
            }
            var collected: [String: Bool] = [:]
            for try await (id, success) in group { collected[id] = success }
            return collected
        }
        #expect(results.count == 4 && results.values.allSatisfy { $0 })
        // A fresh session starts with an empty cart.
        let fresh = try await ShopFixtures.session(try #require(records.first))
        #expect(await fresh.finalState().contains("Cart: empty"))
    }
}

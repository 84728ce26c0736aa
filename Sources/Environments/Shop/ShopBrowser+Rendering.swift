import Foundation

extension ShopBrowser {
    /// Renders the current URL with the current state.
    func render() -> ShopPage {
        var page = ShopPage(title: title, url: url)
        header(&page)
        page.text(0, "main")
        switch notice {
        case .added(let text)?:
            page.staticText(1, text)
            page.element(1, .button, "Proceed to Checkout", command: .proceedToCheckout)
        case .missingFields(let names)?:
            page.staticText(1, "Error: please fill in the required fields: \(names.joined(separator: ", ")).")
        case nil:
            break
        }
        switch url {
        case .home: home(&page)
        case .search(let query, let number, let sort):
            listing(&page, heading: "Search results for: \"\(query)\"", items: catalogue.search(query), page: number, sort: sort) {
                .search(query: query, page: $0, sort: $1)
            }
        case .category(let category, let number, let sort):
            listing(&page, heading: category.displayName, items: catalogue.featuredOrder[category] ?? [], page: number, sort: sort) {
                .category(category, page: $0, sort: $1)
            }
        case .product(let slug):
            if let product = catalogue.product(slug: slug) { productPage(&page, product) } else { notFoundPage(&page) }
        case .cart: cartPage(&page)
        case .checkout: checkoutPage(&page)
        case .orderPlaced(let number):
            page.text(1, "heading 'Thank you for your purchase!'")
            page.staticText(1, "Thank you for your purchase! Your order number is #\(ShopText.orderNumber(number)).")
            page.element(1, .link, "View Order #\(ShopText.orderNumber(number))", command: .navigate(.order(number: number)))
            page.element(1, .link, "Continue Shopping", command: .navigate(.home))
        case .account: accountPage(&page)
        case .orders(let number): ordersPage(&page, number)
        case .order(let number):
            if let order = allOrdersNewestFirst.first(where: { $0.number == number }) { orderPage(&page, order) } else { notFoundPage(&page) }
        case .notFound: notFoundPage(&page)
        }
        return page
    }

    var title: String {
        switch url {
        case .home: "One Stop Market"
        case .search(let query, _, _): "Search results for: \"\(query)\""
        case .category(let category, _, _): category.displayName
        case .product(let slug): catalogue.product(slug: slug)?.name ?? "Page Not Found"
        case .cart: "Shopping Cart"
        case .checkout: "Checkout"
        case .orderPlaced: "Order Confirmation"
        case .account: "My Account"
        case .orders: "My Orders"
        case .order(let number):
            allOrdersNewestFirst.contains { $0.number == number } ? "Order #\(ShopText.orderNumber(number))" : "Page Not Found"
        case .notFound: "Page Not Found"
        }
    }

    private func header(_ page: inout ShopPage) {
        page.element(0, .link, "One Stop Market", command: .navigate(.home))
        page.element(0, .searchbox, "Search", value: fields[.search].flatMap { $0.isEmpty ? nil : $0 }, command: .field(.search))
        page.element(0, .button, "Search", command: .search)
        page.element(0, .link, "My Account", command: .navigate(.account))
        page.element(0, .link, "My Orders", command: .navigate(.orders(page: 1)))
        let count = cartCount
        page.element(0, .link, "Cart (\(count) \(count == 1 ? "item" : "items"))", command: .navigate(.cart))
        page.text(0, "navigation 'Categories'")
        for category in ShopCategory.allCases {
            page.element(1, .link, category.displayName, command: .navigate(.category(category, page: 1, sort: .featured)))
        }
    }

    private func productSummary(_ product: ShopProduct) -> String {
        "Price: \(ShopText.money(product.priceCents)) | Rating: \(product.ratingText) out of 5 (\(product.reviews.count) reviews)"
    }

    private func home(_ page: inout ShopPage) {
        page.text(1, "heading 'Welcome to One Stop Market'")
        page.staticText(1, "Signed in as \(catalogue.customer.fullName).")
        page.text(1, "heading 'Featured products'")
        for index in catalogue.featuredOnHome {
            let product = catalogue.products[index]
            page.element(1, .link, product.name, command: .navigate(.product(slug: product.slug)))
            page.staticText(2, productSummary(product))
        }
    }

    private func listing(
        _ page: inout ShopPage, heading: String, items: [Int], page number: Int, sort: ShopSort,
        url: (Int, ShopSort) -> ShopURL
    ) {
        let products = catalogue.products
        let sorted: [Int]
        switch sort {
        case .featured: sorted = items
        case .priceAscending: sorted = stableSorted(items) { products[$0].priceCents < products[$1].priceCents }
        case .priceDescending: sorted = stableSorted(items) { products[$0].priceCents > products[$1].priceCents }
        case .rating:
            sorted = stableSorted(items) { products[$0].ratingTenths > products[$1].ratingTenths }
        }
        page.text(1, "heading '\(heading)'")
        let size = ShopCatalogue.pageSize
        let pages = max(1, (sorted.count + size - 1) / size)
        let start = (number - 1) * size
        let shown = start < sorted.count ? Array(sorted[start..<min(sorted.count, start + size)]) : []
        if sorted.isEmpty {
            page.staticText(1, "Your search returned no results.")
        } else if shown.isEmpty {
            page.staticText(1, "No items on this page.")
        } else {
            page.staticText(1, "Items \(start + 1)-\(start + shown.count) of \(sorted.count)")
        }
        if !sorted.isEmpty {
            page.element(1, .combobox, "Sort by", value: sort.label, options: ShopSort.allCases.map(\.label), command: .sort)
        }
        for index in shown {
            let product = products[index]
            page.element(1, .link, product.name, command: .navigate(.product(slug: product.slug)))
            page.staticText(2, productSummary(product))
        }
        guard !sorted.isEmpty else { return }
        if number > 1 { page.element(1, .link, "Previous page", command: .navigate(url(min(number - 1, pages), sort))) }
        page.staticText(1, "Page \(number) of \(pages)")
        if number < pages { page.element(1, .link, "Next page", command: .navigate(url(number + 1, sort))) }
    }

    /// A stable sort (ties keep their listing order).
    private func stableSorted(_ items: [Int], by before: (Int, Int) -> Bool) -> [Int] {
        items.enumerated().sorted { lhs, rhs in
            if before(lhs.element, rhs.element) { return true }
            if before(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    private func productPage(_ page: inout ShopPage, _ product: ShopProduct) {
        page.text(1, "heading '\(product.name)'")
        page.staticText(1, "Price: \(ShopText.money(product.priceCents))")
        page.staticText(1, "Rating: \(product.ratingText) out of 5 (\(product.reviews.count) reviews)")
        page.staticText(1, "Category: \(product.category.displayName)")
        page.staticText(1, "Material: \(product.material)")
        page.staticText(1, product.description)
        for option in product.optionNames {
            page.element(
                1, .combobox, option, value: selections[option] ?? "Choose an option", options: product.choices(of: option),
                command: .productOption(option))
        }
        page.element(1, .button, "Add to Cart", command: .addToCart)
        page.text(1, "heading 'Customer Reviews (\(product.reviews.count))'")
        for (number, review) in product.reviews.enumerated() {
            page.staticText(
                1, "Review \(number + 1) of \(product.reviews.count) by \(review.author): \(review.stars) of 5 stars. \"\(review.text)\"")
        }
    }

    private func cartRows(_ page: inout ShopPage, removable: Bool) {
        page.text(1, "table 'Items'")
        for (index, line) in cart.enumerated() {
            page.text(2, "row '\(line.rowText)'")
            if removable { page.element(3, .button, "Remove", command: .remove(line: index)) }
        }
        page.staticText(1, "Subtotal: \(ShopText.money(cart.reduce(0) { $0 + $1.totalCents }))")
    }

    private func cartPage(_ page: inout ShopPage) {
        page.text(1, "heading 'Shopping Cart'")
        guard !cart.isEmpty else {
            page.staticText(1, "You have no items in your shopping cart.")
            return
        }
        cartRows(&page, removable: true)
        page.element(1, .button, "Proceed to Checkout", command: .proceedToCheckout)
    }

    private func checkoutPage(_ page: inout ShopPage) {
        page.text(1, "heading 'Checkout'")
        guard !cart.isEmpty else {
            page.staticText(1, "You have no items in your shopping cart.")
            return
        }
        cartRows(&page, removable: false)
        page.text(1, "heading 'Shipping Address'")
        for field in [ShopField.fullName, .street, .city, .postcode] {
            let value = fields[field] ?? ""
            page.element(1, .textbox, field.label, value: value.isEmpty ? nil : value, command: .field(field))
        }
        page.element(
            1, .combobox, "Shipping method", value: shippingMethod, options: ["Standard ($5.00)", "Express ($15.00)"],
            command: .shippingMethod)
        let shipping = shippingMethod.hasPrefix("Express") ? 1500 : 500
        page.staticText(1, "Order total: \(ShopText.money(cart.reduce(0) { $0 + $1.totalCents } + shipping))")
        page.element(1, .button, "Place Order", command: .placeOrder)
    }

    private func accountPage(_ page: inout ShopPage) {
        let customer = catalogue.customer
        page.text(1, "heading 'My Account'")
        page.text(1, "heading 'Contact Information'")
        page.staticText(1, "\(customer.fullName), \(customer.email)")
        page.text(1, "heading 'Default Shipping Address'")
        page.staticText(1, "\(customer.street), \(customer.city), \(customer.postcode)")
        page.element(1, .link, "View all orders", command: .navigate(.orders(page: 1)))
    }

    private func ordersPage(_ page: inout ShopPage, _ number: Int) {
        let orders = allOrdersNewestFirst
        let size = ShopCatalogue.pageSize
        let pages = max(1, (orders.count + size - 1) / size)
        let start = (number - 1) * size
        let shown = start < orders.count ? Array(orders[start..<min(orders.count, start + size)]) : []
        page.text(1, "heading 'My Orders'")
        page.staticText(1, shown.isEmpty ? "No orders on this page." : "Orders \(start + 1)-\(start + shown.count) of \(orders.count)")
        page.text(1, "table 'Orders'")
        page.text(2, "row 'Order # | Date | Total | Status'")
        for order in shown {
            page.text(2, "row '\(order.label) | \(order.dateText) | \(ShopText.money(order.totalCents)) | \(order.status)'")
            page.element(3, .link, "View Order \(order.label)", command: .navigate(.order(number: order.number)))
        }
        if number > 1 { page.element(1, .link, "Previous page", command: .navigate(.orders(page: min(number - 1, pages)))) }
        page.staticText(1, "Page \(number) of \(pages)")
        if number < pages { page.element(1, .link, "Next page", command: .navigate(.orders(page: number + 1))) }
    }

    private func orderPage(_ page: inout ShopPage, _ order: ShopOrder) {
        page.text(1, "heading 'Order \(order.label)'")
        page.staticText(1, "Order Date: \(order.dateText)")
        page.staticText(1, "Status: \(order.status)")
        page.text(1, "table 'Items Ordered'")
        for line in order.lines {
            page.text(2, "row '\(line.rowText)'")
            page.element(3, .link, line.name, command: .navigate(.product(slug: line.slug)))
        }
        page.staticText(1, "Subtotal: \(ShopText.money(order.subtotalCents))")
        page.staticText(1, "Shipping: \(ShopText.money(order.shippingCents))")
        page.staticText(1, "Grand Total: \(ShopText.money(order.totalCents))")
        page.staticText(1, "Ship to: \(order.fullName), \(order.street), \(order.city), \(order.postcode)")
        page.element(1, .link, "Back to My Orders", command: .navigate(.orders(page: 1)))
    }

    private func notFoundPage(_ page: inout ShopPage) {
        page.text(1, "heading 'Page Not Found'")
        page.staticText(1, "The page you requested was not found.")
        page.element(1, .link, "Go to the home page", command: .navigate(.home))
    }
}

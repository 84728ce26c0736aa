import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("Shop simulation: tasks and procedures")
struct ShopProcedureTests {
    @Test func everyShippedTaskIsRecognisedWithItsTemplate() throws {
        let rows = ShopFixtures.rows
        #expect(rows.count >= 60)
        for row in rows {
            let intent = try #require(ShopIntent(row.query), "\(row.id): \(row.query)")
            #expect(intent.template.rawValue == row.template, "\(row.id)")
            #expect(ShopPolicy().handlesTask(row.query))
            switch intent.template {
            case .orderTotal, .orderDetailsPage: #expect(ShopDates.ordinal(intent.date) != nil, "\(row.id)")
            case .cheapestInCategory, .topRatedInCategory: #expect(!intent.category.isEmpty)
            case .reviewCount: #expect((1...5).contains(intent.stars), "\(row.id)")
            case .addToCart: #expect(intent.options["Colour"] != nil, "\(row.id)")
            case .placeOrder: #expect(!intent.street.isEmpty && !intent.city.isEmpty && !intent.postcode.isEmpty, "\(row.id)")
            case .productRating: #expect(intent.nameWords.count < intent.product.split(separator: " ").count, "\(row.id)")
            }
        }
        #expect(ShopIntent("What is the capital of France?") == nil)
        #expect(ShopIntent("") == nil)
    }

    @Test func theLearnedSearchKeepsADistinctiveWordAndTheNoun() throws {
        let intent = try #require(ShopIntent(ShopFixtures.ratingTask))
        #expect(intent.fullSearch == "wool Echo Compact Pajama Set")
        #expect(intent.shortSearch == "Echo Set")
        #expect(intent.nameWords == ["Echo", "Compact", "Pajama", "Set"])
    }

    @Test func strategiesAndLessonsCarryTheirKeyPhrases() {
        for procedure in ShopProcedure.allCases {
            #expect(procedure.keyPhraseCount(in: procedure.method) == procedure.keyPhrases.count, "\(procedure)")
            for item in procedure.strategyWording.allItems + procedure.lessonWording.allItems {
                #expect(ShopProcedure.taught(by: item) == procedure, "\(procedure): \(item.title)")
                for text in [item.title, item.description] {
                    #expect(!text.contains { $0.isNumber }, "\(text)")
                }
            }
        }
    }

    @Test func genericNaiveAndVagueItemsTeachNothing() {
        var items = ShopGenericWording.answerValue.allItems + ShopGenericWording.finishWhenConfirmed.allItems
            + ShopGenericWording.checkBeforeReporting.allItems
        for template in ShopIntent.Template.allCases {
            items += ShopGenericWording.naive(template).allItems + ShopGenericWording.vague(template).allItems
        }
        for item in items {
            #expect(ShopProcedure.allTaught(by: item, threshold: 1).isEmpty, "\(item.title)")
            #expect(!item.title.contains { $0.isNumber } && !item.description.contains { $0.isNumber })
        }
    }

    @Test func keyPhrasesNeverOccurInThePagesThemselves() {
        let pages = [
            ShopFixtures.home, ShopFixtures.ordersPage1, ShopFixtures.ordersPage2, ShopFixtures.footwearFeatured,
            ShopFixtures.footwearByPrice, ShopFixtures.noResults, ShopFixtures.bootsProduct, ShopFixtures.checkout,
            ShopFixtures.longProduct(offset: 0, reviews: 1...25, more: true),
        ].joined(separator: "\n")
        for procedure in ShopProcedure.allCases {
            #expect(procedure.keyPhraseCount(in: pages) == 0, "\(procedure)")
        }
    }

    @Test func anExemplarTeachesOnlyThroughItsThoughts() {
        let observations = "<observation>[25] link 'Next page' … newest first … page through</observation>"
        let silent = ExtractedItem(
            title: "Exemplar: a successful trajectory for a similar task", description: "Task: something",
            content: "<think>I will open My Orders.</think>\n<action>click('5')</action>\n" + observations)
        #expect(ShopProcedure.taught(by: silent) == nil)
        let telling = ExtractedItem(
            title: silent.title, description: silent.description,
            content: "<think>Not here. I will \(ShopProcedure.pageThroughOrders.method).</think>\n<action>click('25')</action>\n<observation>…</observation>")
        #expect(ShopProcedure.taught(by: telling) == .pageThroughOrders)
    }

    @Test func viewReadsTheAccessibilityTree() {
        let view = ShopView(ShopFixtures.ordersPage2)
        #expect(view.isOrdersList)
        #expect(view.parameter("page") == "2")
        #expect(view.orderRows.map(\.linkID) == ["15", "24"])
        #expect(view.id("link", "Next page") == "26")
        let listing = ShopView(ShopFixtures.footwearFeatured)
        #expect(listing.listed.map(\.price) == [59.00, 47.49])
        #expect(listing.element("combobox", "Sort by")?.options.count == 4)
        let product = ShopView(ShopFixtures.bootsProduct)
        #expect(product.optionBoxes.map(\.label) == ["Colour", "Size"])
        #expect(product.optionBoxes.last?.options == ["7", "8", "9", "10", "11"])
        let later = ShopView(ShopFixtures.longProduct(offset: 40, reviews: 20...38, more: false))
        #expect(later.reviews.first?.position == 20)
        #expect(ShopView("garbage\n[[[ '\n").nodes.allSatisfy { $0.id == nil })
    }
}

@Suite("Shop simulation: QA questions stay with QA")
struct ShopIntentQATests {
    @Test func noQAQuestionLooksLikeAShopTask() {
        for row in Fixtures.rows {
            #expect(ShopIntent(row.question) == nil, "\(row.id)")
        }
    }
}

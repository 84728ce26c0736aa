import Foundation
import ReasoningBank
import Testing
@testable import Environments

@Suite("ShopWorld: catalogue, suite and determinism")
struct ShopWorldTests {
    let world = ShopFixtures.world

    @Test func catalogueHasEnoughProductsInEveryCategory() {
        let products = world.catalogue.products
        #expect(products.count >= 150)
        #expect(Set(products.map(\.category)).count >= 6)
        #expect(Set(products.map(\.slug)).count == products.count)
        for category in ShopCategory.allCases { #expect(world.catalogue.products(in: category).count >= 20) }
        for product in products {
            #expect(product.colours.count >= 2)
            #expect(!product.material.isEmpty)
            #expect(product.priceCents > 0)
            #expect(product.reviews.count >= 3)
            #expect((10...50).contains(product.ratingTenths))
            #expect(product.sizes.isEmpty == product.category.sizes.isEmpty)
        }
        #expect(products.contains { $0.reviews.count >= 30 })
    }

    @Test func orderHistorySpansSeveralPages() {
        let orders = world.catalogue.orders
        #expect(orders.count >= 30)
        #expect(Set(orders.map(\.dateText)).count == orders.count)
        #expect(zip(orders, orders.dropFirst()).allSatisfy { $0.day < $1.day })
        #expect(orders.allSatisfy { !$0.lines.isEmpty && $0.totalCents > 0 })
    }

    @Test func suiteCoversEightTemplatesAndThreeTaskTypes() async throws {
        let tasks = try await world.tasks()
        #expect(tasks.count >= 60)
        #expect(Set(tasks.map(\.id)).count == tasks.count)
        #expect(Set(tasks.compactMap(\.family)).count >= 8)
        #expect(Set(world.records.map(\.type)) == ["information-seeking", "site-navigation", "content-modification"])
        #expect(tasks.allSatisfy { $0.environment == "shop" })
        #expect(world.name == "shop")
        #expect(Set(world.records.map(\.query)).count == world.records.count)
    }

    @Test func theShippedSuiteIsTheGeneratorsOutput() throws {
        let generated = ShopTaskGenerator.jsonLines(ShopWorld(seed: ShopWorld.defaultSeed).records)
        if ProcessInfo.processInfo.environment["RBANK_WRITE_SHOP_TASKS"] == "1" {
            try Data(generated.utf8).write(to: ShopFixtures.shippedTasks)
        }
        let shipped = try String(contentsOf: ShopFixtures.shippedTasks, encoding: .utf8)
        #expect(shipped == generated, "regenerate with RBANK_WRITE_SHOP_TASKS=1 swift test --filter theShippedSuite")
        let loaded = try ShopWorld(tasksURL: ShopFixtures.shippedTasks)
        #expect(loaded.records == world.records)
        #expect(loaded.seed == ShopWorld.defaultSeed)
        #expect(loaded.catalogue.products == world.catalogue.products)
    }

    @Test func theSameSeedGivesTheSameWorld() async throws {
        let again = ShopWorld(seed: 0)
        #expect(again.catalogue.products == world.catalogue.products)
        #expect(again.catalogue.orders == world.catalogue.orders)
        #expect(again.records == world.records)
        let other = ShopWorld(seed: 7)
        #expect(other.catalogue.products != world.catalogue.products)
        #expect(other.records.map(\.query) != world.records.map(\.query))
        #expect(other.records.allSatisfy { $0.seed == 7 })
        // The same actions give the same observations and the same verdicts.
        for record in world.records.prefix(16) {
            var first = try await ShopPlayer(record, in: world)
            var second = try await ShopPlayer(record, in: again)
            try await first.playGold()
            try await second.playGold()
            #expect(first.actions == second.actions)
            #expect(first.last == second.last)
            #expect(await first.session.finalState() == second.session.finalState())
            #expect(await first.session.evaluate() == second.session.evaluate())
        }
    }

    @Test func otherSeedsMakePlayableSuitesToo() async throws {
        for seed: UInt64 in [1, 42] {
            let other = ShopWorld(seed: seed)
            #expect(other.records.count == world.records.count)
            for record in other.records {
                var player = try await ShopPlayer(record, in: other)
                try await player.playGold()
                #expect(await player.session.evaluate()?.success == true, "seed \(seed) \(record.id)")
            }
        }
    }

    @Test func thePitfallsHoldForEveryTask() async throws {
        let catalogue = world.catalogue
        for record in world.records {
            switch ShopTemplate(rawValue: record.template) {
            case .orderTotal?, .orderDetailsPage?:
                // The asked order is never among the ten newest (page 1 of My Orders).
                let newest = catalogue.orders.suffix(ShopCatalogue.pageSize).map(\.dateText)
                #expect(!newest.contains { record.query.contains($0) }, "\(record.id)")
            case .cheapestInCategory?, .topRatedInCategory?:
                let category = try #require(ShopCategory.allCases.first { record.query.contains("the \($0.displayName) category") })
                let listing = catalogue.products(in: category)
                let firstPage = listing.prefix(ShopCatalogue.pageSize)
                let cheapest = try #require(listing.min { $0.priceCents < $1.priceCents })
                let best = try #require(listing.max { $0.ratingTenths < $1.ratingTenths })
                #expect(listing.filter { $0.priceCents == cheapest.priceCents }.count == 1)
                #expect(listing.filter { $0.ratingTenths == best.ratingTenths }.count == 1)
                #expect(!firstPage.contains(cheapest) && !firstPage.contains(best), "\(record.id)")
            case .productRating?:
                let session = try await ShopFixtures.session(record)
                let description = String(record.query.components(separatedBy: "rating of the ").last?.dropLast() ?? "")
                _ = await session.step("fill('2', '\(description)')")
                let outcome = await session.step("click('3')")
                #expect(outcome.observation.text.contains("Your search returned no results."), "\(record.id)")
            default:
                break
            }
        }
    }

    @Test func actionGuideNamesEveryAction() {
        for syntax in ["click('id')", "fill('id', 'text')", "select_option('id', 'option')", "goto('url')", "go_back()", "scroll('down')", "send_msg_to_user('text')"] {
            #expect(world.actionGuide.contains(syntax), "\(syntax)")
        }
    }

    @Test func malformedSuiteFilesAreRefused() throws {
        let good = ShopTaskGenerator.jsonLines(Array(world.records.prefix(2)))
        let lines = good.split(separator: "\n").map(String.init)
        let cases: [(String, String)] = [
            (lines[0] + "\n{not json", ":2: "),
            (lines[0] + "\n" + lines[0], "duplicate id"),
            (lines[0] + "\n" + lines[1].replacingOccurrences(of: "\"seed\":0", with: "\"seed\":3"), "seed 3 differs"),
            (#"{"id":"x","template":"t","type":"t","query":"q","seed":0,"evaluator":{"kind":"smell"}}"#, "unknown evaluator kind"),
            (#"{"id":"x","template":"t","type":"t","seed":0,"evaluator":{"kind":"url","url":"/"}}"#, "missing field \"query\""),
            ("\n\n", "holds no task"),
        ]
        for (text, problem) in cases {
            let url = try TestFiles.temporary(text)
            #expect(throws: ShopTaskFileError.self) { _ = try ShopWorld(tasksURL: url) }
            do {
                _ = try ShopWorld(tasksURL: url)
            } catch {
                #expect(error.description.contains(problem), "\(error.description)")
                #expect(error.description.contains(url.path))
            }
        }
    }
}

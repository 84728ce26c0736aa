import Foundation
import ReasoningBank
import Testing
@testable import Environments

@Suite("ShopWorld: evaluators, gold and pitfall trajectories")
struct ShopEvaluatorTests {
    @Test("the gold procedure succeeds on every task", arguments: ShopTemplate.allCases)
    func goldSucceeds(template: ShopTemplate) async throws {
        let records = ShopFixtures.records(template)
        #expect(records.count == ShopTaskGenerator.tasksPerTemplate)
        for record in records {
            var player = try await ShopPlayer(record)
            try await player.playGold()
            #expect(player.last.isDone, "\(record.id)")
            let truth = try #require(await player.session.evaluate())
            #expect(truth.success, "\(record.id) \(record.query): \(truth.detail) after \(player.actions)")
            #expect(player.actions.count <= 15, "\(record.id) takes \(player.actions.count) steps")
        }
    }

    @Test("the pitfall path fails on every task", arguments: ShopTemplate.allCases)
    func pitfallFails(template: ShopTemplate) async throws {
        for record in ShopFixtures.records(template) {
            var player = try await ShopPlayer(record)
            try await player.playPitfall()
            #expect(player.last.isDone, "\(record.id)")
            let truth = try #require(await player.session.evaluate())
            #expect(!truth.success, "\(record.id) \(record.query): \(truth.detail) after \(player.actions)")
            #expect(truth.expected != nil)
        }
    }

    @Test func answerMatchingNeedsExactlyTheExpectedNumber() {
        let cases: [(String, String, Bool)] = [
            ("$64.99", "64.99", true), ("64.99", "64.99", true), ("The total was $64.99.", "64.99", true),
            ("$1,234.50", "1234.50", true), ("4.0", "4", true), ("4", "4.0", true), ("3", "3", true),
            ("3 reviews", "3", true), ("64.99 or 70.00", "64.99", false), ("$65.99", "64.99", false),
            ("none", "3", false), ("3 reviews give 1 star", "3", false), ("", "3", false),
        ]
        for (answer, expected, match) in cases {
            let numbers = ShopBrowser.numbers(in: answer)
            let wanted = ShopBrowser.numbers(in: expected)
            #expect((!wanted.isEmpty && Set(numbers) == Set(wanted)) == match, "\(answer) vs \(expected)")
        }
    }

    @Test func answerTasksFailWithoutAMessage() async throws {
        let record = try #require(ShopFixtures.records(.orderTotal).first)
        let player = try await ShopPlayer(record)
        let truth = try #require(await player.session.evaluate())
        #expect(!truth.success)
        #expect(truth.detail.contains("No message"))
    }

    @Test func urlTasksAreCheckedOnTheFinalPage() async throws {
        let record = try #require(ShopFixtures.records(.topRatedInCategory).first)
        guard case .url(let path) = record.evaluator else { Issue.record("not a url task"); return }
        var player = try await ShopPlayer(record)
        await player.act("goto('\(path)')")
        #expect(await player.session.evaluate()?.success == true)
        await player.act("go_back()")
        let truth = try #require(await player.session.evaluate())
        #expect(!truth.success)
        #expect(truth.detail.contains("not http://shop.local\(path)"))
    }

    @Test func cartTasksNeedTheRequestedOptions() async throws {
        let record = try #require(ShopFixtures.records(.addToCart).first { $0.query.contains("size") })
        guard case .cart(let slug, let options) = record.evaluator,
            let product = ShopFixtures.world.catalogue.product(slug: slug)
        else { Issue.record("not a cart task"); return }
        var player = try await ShopPlayer(record)
        try await player.openProduct()
        let wrongColour = try #require(product.colours.first { $0 != options["Colour"] })
        await player.act("select_option('\(try player.last.id(of: "combobox 'Colour'"))', '\(wrongColour)')")
        await player.act("select_option('\(try player.last.id(of: "combobox 'Size'"))', '\(options["Size"] ?? "")')")
        try await player.click("button 'Add to Cart'")
        await player.act("send_msg_to_user('Done')")
        let truth = try #require(await player.session.evaluate())
        #expect(!truth.success)
        #expect(truth.detail.contains("the cart holds \(product.name)"))
    }

    @Test func orderTasksNeedTheRequestedAddress() async throws {
        let record = try #require(ShopFixtures.records(.placeOrder).first)
        var player = try await ShopPlayer(record)
        try await player.openProduct()
        try await player.chooseOptions()
        try await player.click("button 'Add to Cart'")
        try await player.click("button 'Proceed to Checkout'")
        try await player.fill("textbox 'Street address'", "1 Wrong Way")
        try await player.fill("textbox 'City'", "Nowhere")
        try await player.fill("textbox 'Postcode'", "00000")
        try await player.click("button 'Place Order'")
        #expect(player.text.contains("Thank you for your purchase!"))
        await player.act("send_msg_to_user('Done')")
        let truth = try #require(await player.session.evaluate())
        #expect(!truth.success)
        #expect(truth.detail.contains("1 Wrong Way"))
    }

    @Test func adHocTasksHaveNoGroundTruth() async throws {
        let world = ShopFixtures.world
        let session = try await world.makeSession(for: TaskSpec(id: "mine", query: "Buy socks", environment: "shop"))
        _ = try await session.reset()
        _ = try await session.step("send_msg_to_user('ok')")
        #expect(try await session.evaluate() == nil)
        let record = try #require(world.records.first)
        let edited = try await world.makeSession(for: TaskSpec(id: record.id, query: "Something else", environment: "shop"))
        #expect(try await edited.evaluate() == nil)
    }
}

import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("Shop simulation: agent")
struct ShopPolicyAgentTests {
    let model = ShopFixtures.naiveModel

    func act(_ request: ModelRequest) throws -> (thought: String, call: ActionCall) {
        let text = model.respond(to: request).text
        let output = try ReActParser.parse(text).get()
        let call = try ActionCallParser.parse(output.action).get()
        return (output.thought, call)
    }

    @Test func theShopPolicyPlaysTheShopAndQAStaysWithQA() {
        #expect(SimulatedModel.standardPolicies.first?.name == "shop")
        #expect(ShopPolicy().handlesEnvironment(systemPrompt: ShopFixtures.guide))
        #expect(!ShopPolicy().handlesEnvironment(systemPrompt: Fixtures.qaGuide))
        #expect(ShopPolicy().summary.contains("simulation"))
        let qa = SimulatedModel().respond(to: Fixtures.agentRequest(question: "How many times does the letter 'r' appear in the word 'strawberry'?"))
        #expect(qa.text.contains("answer('"))
    }

    @Test func startsFromTheHomePageByMatchingTaskWordsToLabels() throws {
        let orders = try act(ShopFixtures.agentRequest(task: ShopFixtures.orderTask, observation: ShopFixtures.home))
        #expect(orders.call == ActionCall(name: "click", arguments: ["5"]))
        let category = try act(ShopFixtures.agentRequest(task: ShopFixtures.cheapestTask, observation: ShopFixtures.home))
        #expect(category.call == ActionCall(name: "click", arguments: ["10"]))
        let search = try act(ShopFixtures.agentRequest(task: ShopFixtures.ratingTask, observation: ShopFixtures.home))
        #expect(search.call == ActionCall(name: "fill", arguments: ["2", "wool Echo Compact Pajama Set"]))
    }

    @Test func withoutMemoryItFallsIntoThePitfalls() throws {
        let page1 = try act(ShopFixtures.laterRequest(task: ShopFixtures.orderTask, observation: ShopFixtures.ordersPage1))
        #expect(page1.call.arguments != ["25"], "it does not page on by itself")
        let cheapest = try act(ShopFixtures.laterRequest(task: ShopFixtures.cheapestTask, observation: ShopFixtures.footwearFeatured))
        #expect(cheapest.call == ActionCall(name: "send_msg_to_user", arguments: ["$47.49"]))
        let add = try act(ShopFixtures.laterRequest(task: ShopFixtures.cartTask, observation: ShopFixtures.bootsProduct))
        #expect(add.call == ActionCall(name: "click", arguments: ["17"]))
        let place = try act(ShopFixtures.laterRequest(task: ShopFixtures.orderPlaceTask, observation: ShopFixtures.checkout))
        #expect(place.call == ActionCall(name: "click", arguments: ["20"]))
        let count = try act(ShopFixtures.laterRequest(
            task: ShopFixtures.reviewTask, observation: ShopFixtures.longProduct(offset: 0, reviews: 1...25, more: true)))
        #expect(count.call == ActionCall(name: "send_msg_to_user", arguments: ["8"]))
    }

    @Test func withTheRightMemoryItFollowsTheProcedureAndSaysSo() throws {
        let cases: [(String, String, ShopProcedure, ActionCall)] = [
            (ShopFixtures.orderTask, ShopFixtures.ordersPage1, .pageThroughOrders, ActionCall(name: "click", arguments: ["25"])),
            (ShopFixtures.cheapestTask, ShopFixtures.footwearFeatured, .sortListing,
             ActionCall(name: "select_option", arguments: ["15", "Price: low to high"])),
            (ShopFixtures.ratingTask, ShopFixtures.noResults, .shortSearch, ActionCall(name: "fill", arguments: ["2", "Echo Set"])),
            (ShopFixtures.reviewTask, ShopFixtures.longProduct(offset: 0, reviews: 1...25, more: true), .scrollAllReviews,
             ActionCall(name: "scroll", arguments: ["down"])),
            (ShopFixtures.cartTask, ShopFixtures.bootsProduct, .optionsFirst, ActionCall(name: "select_option", arguments: ["15", "Silver"])),
            (ShopFixtures.orderPlaceTask, ShopFixtures.checkout, .fillShippingForm, ActionCall(name: "fill", arguments: ["16", "7 Birch Lane"])),
        ]
        let unrelated = ShopGenericWording.answerValue.allItems[0]
        for (task, page, procedure, expected) in cases {
            for item in procedure.strategyWording.allItems + procedure.lessonWording.allItems {
                let step = try act(ShopFixtures.laterRequest(task: task, observation: page, memories: [unrelated, item]))
                #expect(step.call == expected, "\(procedure): \(item.title)")
                #expect(step.thought.contains("Memory item 1 (") && step.thought.contains("Memory item 2 ("))
                #expect(step.thought.contains("Memory item 1 (\"\(unrelated.title)\"): not relevant"))
                #expect(step.thought.contains("Memory item 2 (\"\(item.title)\"): relevant"))
            }
        }
    }

    @Test func aMemoryForAnotherProcedureIsDiscussedButNotFollowed() throws {
        let step = try act(ShopFixtures.laterRequest(
            task: ShopFixtures.cheapestTask, observation: ShopFixtures.footwearFeatured,
            memories: [ShopFixtures.teaching(.fillShippingForm)]))
        #expect(step.thought.contains("not relevant, because it is about completing the checkout form"))
        #expect(step.call.name == "send_msg_to_user")
    }

    @Test func pagesThroughUntilTheDateAppearsThenAnswersTheRowTotal() throws {
        let memory = [ShopFixtures.teaching(.pageThroughOrders)]
        let step = try act(ShopFixtures.laterRequest(task: ShopFixtures.orderTask, observation: ShopFixtures.ordersPage2, memories: memory))
        #expect(step.call == ActionCall(name: "send_msg_to_user", arguments: ["$216.44"]))
        let details = try act(ShopFixtures.laterRequest(
            task: "Open the details page of my order placed on January 31, 2024.", observation: ShopFixtures.ordersPage2, memories: memory))
        #expect(details.call == ActionCall(name: "click", arguments: ["24"]))
        let sorted = try act(ShopFixtures.laterRequest(task: ShopFixtures.cheapestTask, observation: ShopFixtures.footwearByPrice))
        #expect(sorted.call == ActionCall(name: "send_msg_to_user", arguments: ["$25.99"]))
    }

    @Test func countsEachReviewOnceAcrossScrolledViews() throws {
        let memory = [ShopFixtures.teaching(.scrollAllReviews)]
        let first = ShopFixtures.longProduct(offset: 0, reviews: 1...25, more: true)
        let firstResponse = model.respond(to: ShopFixtures.laterRequest(task: ShopFixtures.reviewTask, observation: first, memories: memory)).text
        // The second view overlaps the first (reviews 20-25 are seen twice).
        let second = ShopFixtures.longProduct(offset: 40, reviews: 20...38, more: false)
        let request = ShopFixtures.agentRequest(
            task: ShopFixtures.reviewTask, observation: second, memories: memory,
            history: [("Thought: start\nAction: click('16')", first), (firstResponse, second)])
        let step = try act(request)
        let expected = (1...38).filter { $0 % 3 == 0 }.count
        #expect(step.call == ActionCall(name: "send_msg_to_user", arguments: [String(expected)]))
    }

    @Test func alwaysAnswersInTheReActFormatEvenOnGarbage() throws {
        let garbage = ["", "Task:", "Task: \u{0}\u{1F}'\"\\", String(repeating: "[1] link '", count: 200)]
        for text in garbage {
            for temperature in [0.0, 0.7] {
                let request = ModelRequest(
                    purpose: .agent, system: ShopFixtures.guide, messages: [ChatMessage(role: .user, content: text)],
                    temperature: temperature, maxTokens: 1024)
                let response = SimulatedModel().respond(to: request).text
                #expect((try? ReActParser.parse(response).get()) != nil, "\(response)")
            }
        }
        for row in ShopFixtures.rows.prefix(16) {
            for page in [ShopFixtures.home, ShopFixtures.checkout, "Error: nonsense", ""] {
                let response = SimulatedModel().respond(to: ShopFixtures.laterRequest(task: row.query, observation: page)).text
                #expect(ShopFixtures.action(in: response) != nil, "\(row.id): \(response)")
            }
        }
    }

    @Test func sameSeedSameAnswer() {
        let request = ShopFixtures.laterRequest(task: ShopFixtures.orderTask, observation: ShopFixtures.ordersPage1)
        #expect(SimulatedModel(seed: 3).respond(to: request).text == SimulatedModel(seed: 3).respond(to: request).text)
    }

    @Test func manyMemoriesStillFitTheTokenLimit() throws {
        let memories = ShopProcedure.allCases.flatMap { $0.strategyWording.allItems.prefix(2) }
        let request = ShopFixtures.laterRequest(task: ShopFixtures.orderPlaceTask, observation: ShopFixtures.checkout, memories: memories)
        let response = model.respond(to: request)
        #expect(response.stopReason == "end_turn")
        let step = try act(request)
        #expect(step.call == ActionCall(name: "fill", arguments: ["16", "7 Birch Lane"]))
        #expect(step.thought.contains("Memory item \(memories.count) ("))
    }
}

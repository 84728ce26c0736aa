import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("Shop simulation: judge, extractor, workflows")
struct ShopPolicyJudgeExtractorTests {
    func state(_ page: String, message: String?) -> String {
        let body = page.replacingOccurrences(of: "Title: ", with: "Final page: ")
        return body + "\n\nCart: empty\nOrders placed in this session: none\n"
            + (message.map { "Message to the user: \($0)" } ?? "No message was sent to the user.")
    }

    func verdicts(_ request: ModelRequest, seeds: Range<UInt64> = 0..<40) -> [VerdictStatus] {
        seeds.compactMap { seed in
            (try? VerdictParser.parse(SimulatedModel(seed: seed).respond(to: request).text).get())?.status
        }
    }

    @Test func theJudgeCannotAlwaysTellThatTheListHadMorePages() {
        let request = ShopFixtures.judgeRequest(
            task: ShopFixtures.orderTask, actions: ["click('5')", "send_msg_to_user('I could not find that order.')"],
            finalState: state(ShopFixtures.ordersPage1, message: "I could not find that order."),
            response: "I could not find that order.")
        let results = verdicts(request)
        #expect(results.count == 40)
        let accepted = results.filter { $0 == .success }.count
        #expect(accepted > 3 && accepted < 25, "shallow acceptances: \(accepted)")
    }

    @Test func theCarefulJudgeChecksTheFinalPage() {
        let right = ShopFixtures.judgeRequest(
            task: ShopFixtures.orderTask, actions: ["click('5')", "click('25')", "send_msg_to_user('$216.44')"],
            finalState: state(ShopFixtures.ordersPage2, message: "$216.44"), response: "$216.44")
        #expect(verdicts(right).allSatisfy { $0 == .success })
        let wrong = ShopFixtures.judgeRequest(
            task: ShopFixtures.cheapestTask, actions: ["click('10')", "send_msg_to_user('$47.49')"],
            finalState: state(ShopFixtures.footwearFeatured, message: "$47.49"), response: "$47.49")
        let results = verdicts(wrong)
        #expect(results.contains(.failure) && results.contains(.success))
        let none = ShopFixtures.judgeRequest(task: ShopFixtures.cartTask, actions: [], finalState: "", response: nil)
        #expect(verdicts(none).allSatisfy { $0 == .failure })
        let empty = ShopFixtures.judgeRequest(
            task: ShopFixtures.cartTask, actions: ["click('17')", "send_msg_to_user('Done')"],
            finalState: state(ShopFixtures.bootsProduct, message: "Done"), response: "Done")
        #expect(verdicts(empty).allSatisfy { $0 == .failure })
    }

    @Test func theExtractorWritesTheProcedureASuccessUsed() throws {
        let thought = "Not on this page. Following the memory, I will \(ShopProcedure.pageThroughOrders.method)."
        let request = ShopFixtures.extractionRequest(
            task: ShopFixtures.orderTask,
            steps: [("I will open My Orders.", "click('5')", ShopFixtures.ordersPage1), (thought, "click('25')", ShopFixtures.ordersPage2),
                    ("Found it.", "send_msg_to_user('$216.44')", "Message sent")], success: true)
        for seed in UInt64(0)..<10 {
            let text = SimulatedModel(seed: seed).respond(to: request).text
            #expect(text.hasPrefix("Thinking first"))
            let items = ShopFixtures.items(in: text)
            #expect((1...3).contains(items.count))
            #expect(items.contains { ShopProcedure.taught(by: $0) == .pageThroughOrders })
            for item in items {
                for text in [item.title, item.description] {
                    #expect(!text.contains("January") && !text.contains("216") && !text.contains { $0.isNumber }, "\(text)")
                }
            }
        }
    }

    @Test func failuresSometimesYieldTheLessonAndNeverLeakTaskValues() throws {
        var teaching = 0
        for row in ShopFixtures.rows {
            let intent = try #require(ShopIntent(row.query))
            let request = ShopFixtures.extractionRequest(
                task: row.query, steps: [("I will look around.", "click('1')", ShopFixtures.home),
                                         ("I give up.", "send_msg_to_user('I could not do it.')", "Message sent")], success: false)
            let items = ShopFixtures.items(in: SimulatedModel().respond(to: request).text)
            #expect((1...3).contains(items.count), "\(row.id)")
            if items.contains(where: { ShopProcedure.taught(by: $0).map(intent.procedures.contains) ?? false }) { teaching += 1 }
            for item in items {
                let titleAndDescription = item.title + " " + item.description
                #expect(!titleAndDescription.contains { $0.isNumber }, "\(row.id): \(titleAndDescription)")
                for word in intent.nameWords where word.count > 3 {
                    #expect(!titleAndDescription.contains(word), "\(row.id): \(word)")
                }
                if !intent.category.isEmpty { #expect(!titleAndDescription.contains(intent.category)) }
            }
        }
        let rate = Double(teaching) / Double(ShopFixtures.rows.count)
        #expect(rate > 0.5 && rate < 0.9, "reflection found the procedure in \(rate)")
    }

    @Test func workflowsCarryTheProcedureWithPlaceholders() throws {
        let thought = "The listing is in the default order. On reflection, I will \(ShopProcedure.sortListing.method)."
        let request = ShopFixtures.extractionRequest(
            task: ShopFixtures.cheapestTask,
            steps: [("Open the category.", "click('10')", ShopFixtures.footwearFeatured),
                    (thought, "select_option('15', 'Price: low to high')", ShopFixtures.footwearByPrice),
                    ("First result.", "send_msg_to_user('$25.99')", "Message sent")],
            success: true, purpose: .induceWorkflow)
        let items = ShopFixtures.items(in: SimulatedModel().respond(to: request).text)
        let item = try #require(items.first)
        #expect(ShopProcedure.taught(by: item) == .sortListing)
        #expect(item.title.hasPrefix("Workflow:"))
        #expect(!item.description.contains("Footwear"), "\(item.description)")
        #expect(item.content.contains("{category link id}"))
    }

    @Test func garbageInWellFormedOut() {
        let garbage = ["", "User Intent:", "**Query:** \u{0}", String(repeating: "<think>", count: 50)]
        let model = SimulatedModel()
        for text in garbage {
            for purpose in [ModelPurpose.judge, .extractSuccess, .extractFailure, .induceWorkflow] {
                let request = ModelRequest(
                    purpose: purpose, system: "at most 3", messages: [ChatMessage(role: .user, content: text)], temperature: 1,
                    maxTokens: 2048)
                let response = model.respond(to: request).text
                if purpose == .judge {
                    #expect((try? VerdictParser.parse(response).get()) != nil)
                } else if purpose != .induceWorkflow {
                    #expect(!ShopFixtures.items(in: response).isEmpty, "\(purpose): \(response)")
                }
            }
        }
        for row in ShopFixtures.rows {
            let judge = ShopFixtures.judgeRequest(task: row.query, actions: ["click('1')"], finalState: "???", response: "42")
            #expect((try? VerdictParser.parse(model.respond(to: judge).text).get()) != nil, "\(row.id)")
        }
    }
}

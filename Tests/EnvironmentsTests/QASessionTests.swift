import Foundation
import ReasoningBank
import Testing
@testable import Environments

@Suite("QAWorld: sessions")
struct QASessionTests {
    let world = QAWorld(records: [
        QATaskRecord(id: "t-1", family: "percent-change", question: "By what percent?", answer: "25", aliases: ["25 percent"]),
        QATaskRecord(id: "t-2", family: "alphabetical-first", question: "Which word first?", answer: "banana"),
    ])

    func session(_ id: String = "t-1", query: String? = nil) async throws -> any EnvironmentSession {
        let record = try #require(world.record(id: id))
        return try await world.makeSession(for: TaskSpec(id: id, query: query ?? record.question, environment: "qa"))
    }

    @Test func resetShowsTheQuestionAndHowToAnswer() async throws {
        let observation = try await session().reset()
        #expect(observation.text.contains("By what percent?"))
        #expect(observation.text.contains("answer('"))
        #expect(observation.validActions == ["answer('text')"])
    }

    @Test func invalidActionsAreErrorObservations() async throws {
        let session = try await session()
        _ = try await session.reset()
        for action in ["click('12')", "answer", "answer('a', 'b')", "answer()", "answer('')", "", "I think 25", "answer('25') extra", "answer('25"] {
            let outcome = try await session.step(action)
            #expect(!outcome.isDone, "\(action)")
            #expect(outcome.answer == nil)
            #expect(outcome.observation.text.hasPrefix("Error:"), "\(action)")
            #expect(outcome.observation.text.contains("answer('text')"))
        }
        #expect(await session.finalState().contains("No answer was given."))
        #expect(await session.finalState().contains("Invalid actions attempted: 9"))
        let evaluation = try await session.evaluate()
        #expect(evaluation?.success == false)
    }

    @Test func answeringEndsTheEpisode() async throws {
        let session = try await session()
        _ = try await session.reset()
        let outcome = try await session.step(#"answer("25%")"#)
        #expect(outcome.isDone)
        #expect(outcome.answer == "25%")
        #expect(await session.finalState().contains("The agent answered: 25%"))
        let truth = try #require(try await session.evaluate())
        #expect(truth.success)
        #expect(truth.expected == "25")
        let after = try await session.step("answer('30')")
        #expect(after.isDone)
        #expect(after.answer == nil)
        #expect(try await session.evaluate()?.success == true)
        await session.close()
    }

    @Test func escapedQuotesAreUnderstood() async throws {
        let session = try await session("t-2")
        _ = try await session.reset()
        let outcome = try await session.step(#"answer('I don\'t know')"#)
        #expect(outcome.answer == "I don't know")
        let truth = try #require(try await session.evaluate())
        #expect(!truth.success)
        #expect(truth.detail.contains("does not match"))
    }

    @Test func resetStartsOver() async throws {
        let session = try await session()
        _ = try await session.step("answer('25')")
        _ = try await session.reset()
        #expect(await session.finalState().contains("No answer was given."))
    }

    @Test func adHocTasksHaveNoGroundTruth() async throws {
        let adHoc = try await world.makeSession(for: TaskSpec(id: "mine-1", query: "What is love?", environment: "qa"))
        let observation = try await adHoc.reset()
        #expect(observation.text.contains("What is love?"))
        let outcome = try await adHoc.step("answer('baby')")
        #expect(outcome.isDone)
        #expect(try await adHoc.evaluate() == nil)
        // A file id whose question was changed is ad hoc too.
        let edited = try await session(query: "A different question?")
        _ = try await edited.step("answer('25')")
        #expect(try await edited.evaluate() == nil)
    }
}

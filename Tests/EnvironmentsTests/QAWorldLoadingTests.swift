import Foundation
import ReasoningBank
import Testing
@testable import Environments

@Suite("QAWorld: task file")
struct QAWorldLoadingTests {
    @Test func loadsTheShippedTaskFile() async throws {
        let world = try QAWorld(tasksURL: TestFiles.qaTasks)
        #expect(world.name == "qa")
        let tasks = try await world.tasks()
        #expect(tasks.count >= 48)
        #expect(Set(tasks.map(\.id)).count == tasks.count)
        #expect(Set(tasks.compactMap(\.family)).count == 8)
        let first = try #require(tasks.first)
        #expect(first.id == "qa-001")
        #expect(first.environment == "qa")
        #expect(first.family == "letter-count")
        #expect(first.query == world.records[0].question)
        #expect(world.records.allSatisfy { $0.naiveCorrect != nil })
    }

    @Test func actionGuideExplainsTheSingleAction() {
        let guide = QAWorld.guide
        #expect(guide.contains("answer('text')"))
        #expect(QAWorld(records: []).actionGuide == guide)
    }

    func refusal(_ text: String) throws -> QATaskFileError {
        let url = try TestFiles.temporary(text)
        do {
            _ = try QAWorld(tasksURL: url)
        } catch {
            #expect(error.description.contains(url.path))
            return error
        }
        Issue.record("the file was accepted")
        return .empty(file: "")
    }

    static let good = #"{"id": "t-1", "family": "f", "question": "Q?", "answer": "A"}"#

    @Test func malformedLinesAreRefusedWithTheirLineNumber() throws {
        let cases: [(String, Int, String)] = [
            (Self.good + "\n\n{not json", 3, "not valid JSON"),
            (Self.good + "\n" + #"{"id": "t-2", "question": "Q?"}"#, 2, "missing field \"answer\""),
            (#"{"id": "t-2", "question": "Q?", "answer": "A", "aliases": "x"}"#, 1, "field \"aliases\" must be a list of strings"),
            (#"{"id": 7, "question": "Q?", "answer": "A"}"#, 1, "field \"id\" must be a string"),
            (#"{"id": "t-2", "question": "  ", "answer": "A"}"#, 1, "field \"question\" is empty"),
            (#"["a list"]"#, 1, "expected a JSON object"),
        ]
        for (text, line, problem) in cases {
            let error = try refusal(text)
            guard case .malformedLine(_, let reportedLine, let reportedProblem) = error else {
                Issue.record("unexpected \(error)")
                continue
            }
            #expect(reportedLine == line, "\(text)")
            #expect(reportedProblem.contains(problem), "\(reportedProblem)")
            #expect(error.description.contains(":\(line): "))
        }
    }

    @Test func duplicateIDsAndEmptyFilesAreRefused() throws {
        let duplicate = try refusal(Self.good + "\n" + Self.good)
        #expect(duplicate.description.contains("duplicate id \"t-1\""))
        #expect(duplicate.description.contains(":2:"))
        let empty = try refusal("\n\n")
        guard case .empty = empty else {
            Issue.record("unexpected \(empty)")
            return
        }
    }

    @Test func aMissingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/qa.jsonl")
        #expect(throws: QATaskFileError.self) { try QAWorld(tasksURL: url) }
    }

    @Test func optionalFieldsMayBeOmitted() throws {
        let records = try QAWorld.parseRecords(Self.good + "\n" + #"{"id": "t-2", "question": "Q", "answer": "B", "extra": 1}"#, file: "x")
        #expect(records.count == 2)
        #expect(records[1].family == nil)
        #expect(records[1].aliases.isEmpty)
        #expect(records[1].naiveCorrect == nil)
    }
}

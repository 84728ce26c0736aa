import Foundation
import ReasoningBank

/// A tiny environment: `finish('text')` ends the episode; the answer is right when it equals `expected`.
/// It can be told to throw, to simulate a crashed environment.
public struct EchoEnvironment: Environment {
    public enum Fault: Sendable { case none, onMakeSession, onReset, onStep }
    public struct Crash: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "the environment process exited (simulated crash)" }
    }

    public let name = "echo"
    public let actionGuide = "Actions: finish('text') ends the task with your answer; look() shows the room."
    public var expected: [String: String]
    public var fault: Fault

    public init(expected: [String: String] = [:], fault: Fault = .none) {
        self.expected = expected
        self.fault = fault
    }

    public func tasks() async throws -> [TaskSpec] {
        expected.keys.sorted().map { TaskSpec(id: $0, query: "Say \(expected[$0] ?? "")", environment: name) }
    }

    public func makeSession(for task: TaskSpec) async throws -> any EnvironmentSession {
        if fault == .onMakeSession { throw Crash() }
        return EchoSession(expected: expected[task.id], fault: fault)
    }
}

/// One episode of `EchoEnvironment`.
public actor EchoSession: EnvironmentSession {
    private let expected: String?
    private let fault: EchoEnvironment.Fault
    private var answer: String?
    public private(set) var closed = false

    init(expected: String?, fault: EchoEnvironment.Fault) {
        self.expected = expected
        self.fault = fault
    }

    public func reset() async throws -> Observation {
        if fault == .onReset { throw EchoEnvironment.Crash() }
        return Observation(text: "An empty room.", validActions: ["finish('text')", "look()"])
    }

    public func step(_ action: String) async throws -> StepOutcome {
        if fault == .onStep { throw EchoEnvironment.Crash() }
        switch ActionCallParser.parse(action) {
        case .success(let call) where call.name == "finish" && call.arguments.count == 1:
            answer = call.arguments[0]
            return StepOutcome(observation: Observation(text: "Answer sent."), isDone: true, answer: call.arguments[0])
        case .success(let call) where call.name == "look":
            return StepOutcome(observation: Observation(text: "Still an empty room."), isDone: false)
        default:
            return StepOutcome(observation: Observation(text: "Error: unknown action \(action)"), isDone: false)
        }
    }

    public func finalState() async -> String { answer.map { "Answered: \($0)" } ?? "No answer." }

    public func evaluate() async throws -> GroundTruth? {
        guard let expected else { return nil }
        return GroundTruth(success: answer == expected, expected: expected, detail: "exact match")
    }

    public func close() async { closed = true }
}

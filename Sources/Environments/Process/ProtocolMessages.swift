import Foundation
import ReasoningBank

/// The messages of the environment protocol, version 1 (docs/environment-protocol.md). Field names
/// are snake_case on the wire.
enum ProtocolMessages {
    static let version = 1

    struct Request<Params: Encodable>: Encodable {
        var id: Int
        var method: String
        var params: Params
    }

    struct Empty: Codable {}

    struct HelloParams: Encodable {
        var protocolVersion: Int
        var client: String

        enum CodingKeys: String, CodingKey {
            case protocolVersion = "protocol"
            case client
        }
    }

    struct HelloResult: Decodable {
        var protocolVersion: Int
        var name: String
        var actionGuide: String

        enum CodingKeys: String, CodingKey {
            case protocolVersion = "protocol"
            case name
            case actionGuide = "action_guide"
        }
    }

    struct TaskEntry: Decodable {
        var id: String
        var query: String
    }

    struct TasksResult: Decodable {
        var tasks: [TaskEntry]
    }

    struct ResetParams: Encodable {
        var taskId: String
        var query: String

        enum CodingKeys: String, CodingKey {
            case taskId = "task_id"
            case query
        }
    }

    struct WireObservation: Decodable {
        var text: String
        var validActions: [String]?
        var url: String?
        var title: String?
        var info: JSONValue?

        enum CodingKeys: String, CodingKey {
            case text
            case validActions = "valid_actions"
            case url, title, info
        }

        var observation: Observation {
            Observation(text: text, url: url, title: title, validActions: validActions)
        }
    }

    struct ResetResult: Decodable {
        var observation: WireObservation
    }

    struct StepParams: Encodable {
        var action: String
    }

    struct StepResult: Decodable {
        var observation: WireObservation
        var done: Bool
        var answer: String?
    }

    struct FinalStateResult: Decodable {
        var text: String
    }

    struct WireGroundTruth: Decodable {
        var success: Bool
        var expected: String?
        var detail: String?
    }

    struct EvaluateResult: Decodable {
        var groundTruth: WireGroundTruth?

        enum CodingKeys: String, CodingKey {
            case groundTruth = "ground_truth"
        }
    }

    /// What comes back for a request: its result or its error.
    struct Response<Result: Decodable>: Decodable {
        var id: Int?
        var result: Result?
        var error: WireError?
    }

    struct WireError: Decodable {
        var message: String
        var code: String?
    }

    /// Just the envelope, to tell a malformed result from a line that is not a response at all.
    struct Envelope: Decodable {
        var id: Int?
        var result: JSONValue?
        var error: JSONValue?
    }
}

@testable import RBankCLI
import Testing

@Suite struct JSONOutputTests {
    @Test(arguments: [
        ("taskIDs", "task_ids"), ("storedItemIDs", "stored_item_ids"), ("runID", "run_id"), ("latencyMs", "latency_ms"),
        ("judgeAgreesWithGroundTruth", "judge_agrees_with_ground_truth"), ("id", "id"), ("URLPath", "url_path"),
        ("inputTokens", "input_tokens"),
    ])
    func snakeCase(key: String, expected: String) {
        #expect(JSONOutput.snakeCase(key) == expected)
    }
}

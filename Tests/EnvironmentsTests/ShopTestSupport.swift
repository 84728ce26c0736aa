import Foundation
import ReasoningBank
@testable import Environments

/// Shared fixtures of the shop tests: one world per process (generation is pure, so sharing is safe).
enum ShopFixtures {
    static let world = ShopWorld(seed: 0)
    static let shippedTasks = TestFiles.repositoryRoot.appendingPathComponent(ShopWorld.defaultTasksPath)

    /// A fresh session for a suite task.
    static func session(_ record: ShopTaskRecord, in world: ShopWorld = world) async throws -> ShopSession {
        let session = try await world.makeSession(for: record.taskSpec)
        guard let shop = session as? ShopSession else { throw ShopTestError.wrongSession }
        _ = await shop.reset()
        return shop
    }

    /// The records of one template.
    static func records(_ template: ShopTemplate, in world: ShopWorld = world) -> [ShopTaskRecord] {
        world.records.filter { $0.template == template.rawValue }
    }
}

enum ShopTestError: Error {
    case wrongSession
    case noElement(String)
}

extension StepOutcome {
    /// The id of the first element line whose text contains `fragment` (e.g. `link 'My Orders'`).
    func id(of fragment: String) throws -> String {
        for line in observation.text.split(separator: "\n") where line.contains(fragment) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { continue }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
        }
        throw ShopTestError.noElement(fragment)
    }
}

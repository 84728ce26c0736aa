import Foundation
import ReasoningBank

/// A `MemoryStore` held in memory, for engine tests.
public actor InMemoryMemoryStore: MemoryStore {
    public private(set) var stored: [Experience] = []
    public private(set) var runs: [String: RunRecord] = [:]

    public init(experiences: [Experience] = []) { stored = experiences }

    public func experiences() async throws -> [Experience] { stored }

    public func consolidate(_ experience: Experience) async throws { stored.append(experience) }

    public func record(_ run: RunRecord) async throws { runs[run.id] = run }
}

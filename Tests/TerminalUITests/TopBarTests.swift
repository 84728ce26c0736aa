import Foundation
import Testing

@testable import TerminalUI

/// The top bar names the embedder while it fits, by a short name, before the simulation label is shortened.
@Suite("Top bar")
struct TopBarTests {
    @Test("embedder names: MiniLM, hashing, a blend without its weight, others as they are")
    func shortNames() {
        #expect(TopBar.shortEmbedderName("hashing-384") == "hashing")
        #expect(TopBar.shortEmbedderName("all-MiniLM-L6-v2") == "MiniLM")
        #expect(TopBar.shortEmbedderName("all-MiniLM-L6-v2+hashing-384@0.4") == "MiniLM+hashing")
        #expect(TopBar.shortEmbedderName("openai:text-embedding-3-small") == "openai:text-embedding-3-small")
    }

    @Test("wide: 'embedder NAME'; narrower: the name alone; narrowest: left out before SIMULATION is shortened")
    func fitting() {
        var state = Scenario.runMidRun(Size(width: 200, height: 50))
        state.header.embedder = "all-MiniLM-L6-v2+hashing-384@0.4"
        #expect(TopBar.fitted(state, width: 198).text.contains(" · embedder MiniLM+hashing · "))
        let widths = (40...198).map { TopBar.fitted(state, width: $0).text }
        #expect(widths.contains { $0.contains(" · MiniLM+hashing · ") && !$0.contains("embedder") })
        for text in widths where text.contains(" SIM ") || text.hasSuffix(" SIM") {
            #expect(!text.contains("MiniLM"))
        }
    }
}

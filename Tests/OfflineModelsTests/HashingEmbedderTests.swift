import Foundation
import ReasoningBank
import Testing
@testable import OfflineModels

@Suite("HashingEmbedder")
struct HashingEmbedderTests {
    @Test func nameAndDimension() {
        #expect(HashingEmbedder().name == "hashing-384")
        #expect(HashingEmbedder().dimension == 384)
        #expect(HashingEmbedder(dimension: 64).name == "hashing-64")
        #expect(HashingEmbedder(dimension: 0).dimension == 1)
    }

    @Test func deterministicAcrossCallsAndInstances() async throws {
        let texts = Fixtures.rows.prefix(10).map(\.question) + ["", "Ünïcödé wörds ✓", "a b c"]
        let first = try await HashingEmbedder().embed(texts)
        let second = try await HashingEmbedder().embed(texts)
        #expect(first == second)
        let one = HashingEmbedder(dimension: 384)
        #expect(texts.map(one.vector(for:)) == first)
        // A known value pins the hashing across releases and platforms.
        #expect(StableHash.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func unitNormAndZeroVectorForEmptyText() {
        let embedder = HashingEmbedder()
        for text in Fixtures.rows.map(\.question) + ["x", "hello world"] {
            let vector = embedder.vector(for: text)
            #expect(vector.count == 384)
            let norm = vector.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
        }
        for text in ["", "   ", "?!.,"] {
            #expect(embedder.vector(for: text) == [Float](repeating: 0, count: 384))
        }
    }

    @Test func caseAndSpacingInsensitive() {
        let embedder = HashingEmbedder()
        #expect(embedder.vector(for: "What is 3 + 4 * 2?") == embedder.vector(for: "what   IS 3+4*2"))
    }

    @Test func questionsOfTheSameFamilyAreCloser() throws {
        let rows = Fixtures.rows
        try #require(rows.count >= 48)
        let embedder = HashingEmbedder()
        let vectors = rows.map { embedder.vector(for: $0.question) }
        func cosine(_ a: [Float], _ b: [Float]) -> Double { zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) } }
        var within: [Double] = []
        var across: [Double] = []
        for i in rows.indices {
            var best = (index: -1, score: -2.0)
            for j in rows.indices where j != i {
                let score = cosine(vectors[i], vectors[j])
                if rows[i].family == rows[j].family { within.append(score) } else { across.append(score) }
                if score > best.score { best = (j, score) }
            }
            // The nearest other question is always one of the same family.
            #expect(rows[best.index].family == rows[i].family, "\(rows[i].id) is nearest to \(rows[best.index].id)")
            // And every same-family question beats every other-family question.
            let sameMin = rows.indices.filter { $0 != i && rows[$0].family == rows[i].family }.map { cosine(vectors[i], vectors[$0]) }.min() ?? 0
            let otherMax = rows.indices.filter { rows[$0].family != rows[i].family }.map { cosine(vectors[i], vectors[$0]) }.max() ?? 0
            #expect(sameMin > otherMax, "\(rows[i].id): \(sameMin) vs \(otherMax)")
        }
        let meanWithin = within.reduce(0, +) / Double(within.count)
        let meanAcross = across.reduce(0, +) / Double(across.count)
        #expect(meanWithin > meanAcross + 0.3)
    }
}

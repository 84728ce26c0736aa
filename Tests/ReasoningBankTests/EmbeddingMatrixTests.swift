import Foundation
import ReasoningBank
import TestSupport
import Testing

/// The 8-bit first pass never changes the exact top-k, and the store path retrieves what the list path does.
@Suite("Exact top-k retrieval")
struct EmbeddingMatrixTests {
    /// Deterministic pseudo-random vectors, some duplicated, some zero, some near-ties.
    static func vectors(count: Int, dimension: Int, seed: UInt64) -> [[Float]] {
        var random = SplitMix64(seed: seed)
        var rows: [[Float]] = []
        for index in 0..<count {
            switch index % 50 {
            case 7: rows.append([Float](repeating: 0, count: dimension))
            case 9 where index > 10: rows.append(rows[index - 3])
            case 11 where index > 10: rows.append(rows[index - 1].map { $0 * 1.000_001 })
            default: rows.append((0..<dimension).map { _ in Float(random.nextUnit() * 2 - 1) })
            }
        }
        return rows
    }

    @Test("ranked equals the exhaustive exact ranking, scores included", arguments: [(5000, 384), (6000, 100)])
    func quantisedPassKeepsResults(rows: Int, dimension: Int) {
        let data = Self.vectors(count: rows, dimension: dimension, seed: UInt64(rows))
        var matrix = EmbeddingMatrix(dimension: dimension)
        for vector in data { matrix.append(vector) }
        let queries = Self.vectors(count: 6, dimension: dimension, seed: 99) + [data[123], data[9], data[7]]
        for query in queries {
            for limit in [1, 3, 10, 40] {
                let fast = matrix.ranked(query, limit: limit)
                let exact = matrix.rankedExactly(query, limit: limit)
                #expect(fast == exact)
            }
        }
        #expect(matrix.ranked(data[123], limit: 1).first?.row == 123)
        #expect(abs((matrix.ranked(data[123], limit: 1).first?.score ?? 0) - 1) < 1e-5)
    }

    @Test("a matrix of codes alone, given the shortlisted rows' vectors, ranks exactly as one that holds them")
    func codesAloneRankTheSame() {
        let dimension = 384
        let data = Self.vectors(count: 5200, dimension: dimension, seed: 7)
        var held = EmbeddingMatrix(dimension: dimension)
        var appended = EmbeddingMatrix(dimension: dimension, holdsExactRows: false)
        var coded = EmbeddingMatrix(dimension: dimension, holdsExactRows: false)
        for vector in data {
            held.append(vector)
            vector.withUnsafeBytes { appended.appendUnprepared(littleEndianFloats: $0) }
            let code = coded.rowCode(of: vector)
            #expect(code.codes.withUnsafeBytes { coded.appendCoded(codes: $0, scale: code.scale, absoluteSum: code.absoluteSum) })
        }
        appended.finishAppending()
        #expect(!coded.holdsExactRows && coded.unitRow(0) == nil && held.unitRow(0) != nil)
        let queries = Self.vectors(count: 5, dimension: dimension, seed: 42) + [data[123], data[9], data[7]]
        for query in queries {
            for limit in [1, 3, 10, 40, 400] {
                let exact = held.rankedExactly(query, limit: limit)
                for matrix in [appended, coded] {
                    let shortlist = matrix.shortlist(query, limit: limit)
                    #expect(shortlist.rows.count < data.count)
                    let given = Dictionary(uniqueKeysWithValues: shortlist.rows.map { ($0, data[$0]) })
                    #expect(matrix.ranked(shortlist, exactRows: given) == exact)
                }
            }
        }
        // A shortlisted row the store no longer has is left out; the others keep their exact scores.
        let shortlist = coded.shortlist(data[123], limit: 3)
        var given = Dictionary(uniqueKeysWithValues: shortlist.rows.map { ($0, data[$0]) })
        given[123] = nil
        let ranked = coded.ranked(shortlist, exactRows: given)
        #expect(!ranked.contains { $0.row == 123 })
        #expect(ranked.prefix(2) == held.rankedExactly(data[123], limit: 3).dropFirst().prefix(2))
    }

    @Test("a code that rowCode cannot give is refused; replacing a row re-codes it")
    func codedRowsAreChecked() {
        var matrix = EmbeddingMatrix(dimension: 4, holdsExactRows: false)
        let code = matrix.rowCode(of: [1, 2, 3, 4])
        #expect(code.codes.count == 4 && code.codes.max() == 127)
        #expect(!code.codes.withUnsafeBytes { matrix.appendCoded(codes: $0, scale: -1, absoluteSum: 1) })
        #expect(!code.codes.withUnsafeBytes { matrix.appendCoded(codes: $0, scale: .nan, absoluteSum: 1) })
        #expect(![Int8](repeating: 1, count: 3).withUnsafeBytes { matrix.appendCoded(codes: $0, scale: 1, absoluteSum: 1) })
        var held = EmbeddingMatrix(dimension: 4)
        #expect(!code.codes.withUnsafeBytes { held.appendCoded(codes: $0, scale: code.scale, absoluteSum: code.absoluteSum) })
        #expect(matrix.count == 0 && held.count == 0)
        matrix.append([0, 0, 0, 1])
        matrix.append([1, 0, 0, 0])
        matrix.replaceRow(1, with: [0, 0, 0, 2])
        let shortlist = matrix.shortlist([0, 0, 0, 1], limit: 2)
        let ranked = matrix.ranked(shortlist, exactRows: [0: [0, 0, 0, 1], 1: [0, 0, 0, 2]])
        #expect(ranked.map(\.row) == [0, 1] && ranked.allSatisfy { abs($0.score - 1) < 1e-6 })
        // A zero query needs no vectors: every score is 0, in row order.
        #expect(matrix.shortlist([0, 0, 0, 0], limit: 2).rows.isEmpty)
        #expect(matrix.ranked(matrix.shortlist([0, 0, 0, 0], limit: 2), exactRows: [:]).map(\.score) == [0, 0])
    }

    @Test("scores are cosine similarities: unnormalised rows, zero rows and mis-sized queries")
    func cosineSemantics() {
        var matrix = EmbeddingMatrix(dimension: 3)
        matrix.append([3, 0, 0])
        matrix.append([0, 0, 0])
        matrix.append([1, 1, 0])
        matrix.append([1, 2])  // wrong length: a zero row
        let ranked = matrix.ranked([2, 0, 0], limit: 4)
        #expect(ranked.map(\.row) == [0, 2, 1, 3])
        #expect(abs(ranked[1].score - Float(Similarity.cosine([2, 0, 0], [1, 1, 0]))) < 1e-6)
        #expect(matrix.ranked([1, 2], limit: 2).map(\.score) == [0, 0])
    }

    @Test("retrieval from a store gives what retrieval from its experience list gives")
    func storeMatchesList() async throws {
        let texts = ["count the letters in a word", "reverse the letters of a word", "days between two dates",
                     "count the letters in a word", "add the jeans to my cart", "price of the cheapest pen"]
        let now = Date(timeIntervalSince1970: 0)
        let experiences = texts.enumerated().map { index, query in
            Experience(
                id: "x\(index)", taskID: index == 5 ? nil : "t\(index % 4)", query: query, queryEmbedding: nil, embeddingModel: nil,
                outcome: .success, runID: nil, memoryMode: .reasoningbank,
                items: [MemoryItem(id: "m\(index)", title: query, description: "d", content: "c", isArchived: index == 2,
                                   provenance: Provenance(source: .manual, createdAt: now))],
                createdAt: now)
        }
        let store = InMemoryMemoryStore(experiences: experiences)
        for topK in [1, 2, 5] {
            for floor in [nil, 0.2] as [Double?] {
                for (query, task) in [("count the letters in this word", "t0"), ("days between dates", "zz"), ("price of the cheapest pen", nil)] as [(String, String?)] {
                    var settings = RetrievalSettings()
                    settings.topK = topK
                    settings.similarityFloor = floor
                    let retriever = Retriever(settings: settings, embedder: WordEmbedder(dimension: 512))
                    let fromList = try await retriever.retrieve(query: query, taskID: task, from: experiences)
                    let fromStore = try await retriever.retrieve(query: query, taskID: task, from: store)
                    #expect(fromStore.hits.map(\.experienceID) == fromList.hits.map(\.experienceID))
                    #expect(fromStore.items.map(\.id) == fromList.items.map(\.id))
                    #expect(fromStore.excludedByLeakageGuard == fromList.excludedByLeakageGuard)
                    for (a, b) in zip(fromStore.hits, fromList.hits) { #expect(abs(a.score - b.score) < 1e-5) }
                }
            }
        }
    }
}

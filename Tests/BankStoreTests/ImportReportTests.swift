import Foundation
import Testing

@testable import BankStore

@Suite("Import reports")
struct ImportReportTests {
    @Test("details explain the detection, the counts and the notes")
    func details() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.file("memory_bank.json")
        try FileManager.default.copyItem(at: Fixtures.seedBank, to: file)
        let report = try Bank.inMemory().importAuto(url: file, dryRun: true)
        let lines = report.details.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("There is no embeddings.json beside it"))
        #expect(lines[1] == "Would import 5 experiences, 9 items and 0 embeddings from \(file.path).")
        #expect(lines[2].contains("no query embeddings yet"))
    }
}

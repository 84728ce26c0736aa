import Foundation
import TestSupport
import Testing
@testable import OfflineModels

/// Missing, damaged and foreign model files give errors naming the file and what to do; nothing crashes.
@Suite("all-MiniLM-L6-v2 model files")
struct ModelFileErrorTests {
    /// Writes a safetensors file with `header` (a JSON object) and `dataBytes` zero bytes of data.
    static func safetensors(_ header: String, dataBytes: Int, to url: URL) throws {
        var data = Data()
        let json = Data(header.utf8)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        data.append(Data(count: dataBytes))
        try data.write(to: url)
    }

    @Test("a missing folder names the file and says make model")
    func missingFolder() throws {
        let folder = URL(fileURLWithPath: "/nonexistent/all-MiniLM-L6-v2")
        #expect(!MiniLMEmbedder.isPresent(in: folder))
        do {
            _ = try MiniLMEmbedder(folder: folder)
            Issue.record("a missing model loaded")
        } catch let error as ModelFileError {
            #expect(error == .missing(file: "/nonexistent/all-MiniLM-L6-v2/vocab.txt"))
            #expect(error.description.contains("make model"))
            #expect(error.description.contains("EMBEDDING_MODEL=hashing"))
        }
    }

    @Test("damaged safetensors files are refused with the reason")
    func damagedWeights() throws {
        let folder = try TemporaryDirectory(prefix: "minilm-bad")
        defer { folder.remove() }
        let file = folder.path("model.safetensors")
        let cases: [(Data, String)] = [
            (Data([1, 2, 3]), "only 3 bytes"),
            (Data([255, 255, 255, 255, 0, 0, 0, 0, 1, 2]), "does not fit"),
            (Data([4, 0, 0, 0, 0, 0, 0, 0]) + Data("{{{{".utf8), "not JSON"),
        ]
        for (bytes, reason) in cases {
            try bytes.write(to: file)
            #expect(throws: ModelFileError.self) { try SafetensorsFile(url: file) }
            do { _ = try SafetensorsFile(url: file) } catch {
                #expect(String(describing: error).contains(reason), "\(error)")
                #expect(String(describing: error).contains(file.path))
            }
        }
        try Self.safetensors(#"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,160]}}"#, dataBytes: 16, to: file)
        do { _ = try SafetensorsFile(url: file) } catch { #expect(String(describing: error).contains("past the end")) }
    }

    @Test("a tensor of the wrong shape or type, or a missing one, is named")
    func wrongTensors() throws {
        let folder = try TemporaryDirectory(prefix: "minilm-shape")
        defer { folder.remove() }
        let file = folder.path("model.safetensors")
        try Self.safetensors(
            #"{"x":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"y":{"dtype":"I64","shape":[2],"data_offsets":[16,32]}}"#,
            dataBytes: 32, to: file)
        let weights = try SafetensorsFile(url: file)
        #expect(try weights.floats("x", shape: [2, 2]).count == 4)
        #expect(throws: ModelFileError.tensor(file: file.path, name: "x", detail: "has shape [2, 2], not [4]")) {
            try weights.floats("x", shape: [4])
        }
        #expect(throws: ModelFileError.tensor(file: file.path, name: "y", detail: "is I64, not F32")) {
            try weights.floats("y", shape: [2])
        }
        #expect(throws: ModelFileError.tensor(file: file.path, name: "z", detail: "is missing")) {
            try weights.floats("z", shape: [1])
        }
        // A complete folder whose weights are not MiniLM's: the first tensor the encoder needs is named.
        try Data("[PAD]\n[UNK]\n[CLS]\n[SEP]\n".utf8).write(to: folder.path("vocab.txt"))
        do {
            _ = try MiniLMEmbedder(folder: folder.url)
            Issue.record("foreign weights loaded")
        } catch {
            #expect(String(describing: error).contains("embeddings.word_embeddings.weight is missing"))
        }
    }

    @Test("a vocabulary without the special tokens is refused")
    func badVocabulary() throws {
        let folder = try TemporaryDirectory(prefix: "minilm-vocab")
        defer { folder.remove() }
        try Data("hello\nworld\n".utf8).write(to: folder.path("vocab.txt"))
        #expect(throws: ModelFileError.corrupt(file: folder.path("vocab.txt").path, detail: "it has no [UNK] token")) {
            try WordPieceTokenizer(vocabularyURL: folder.path("vocab.txt"))
        }
    }
}

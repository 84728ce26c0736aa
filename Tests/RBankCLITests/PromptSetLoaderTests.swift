import Foundation
import ReasoningBank
import Testing

@testable import RBankCLI

@Suite("PromptSetLoader")
struct PromptSetLoaderTests {
    /// A minimal valid template for each file.
    static func template(_ file: PromptFile) -> String {
        "Template \(file.rawValue)\n" + file.requiredPlaceholders.map { "{{\($0)}}" }.joined(separator: "\n")
    }

    private func writeSet(in folder: ConfigTestFolder, name: String = "mine") throws -> URL {
        for file in PromptFile.allCases {
            try folder.write("\(name)/\(file.rawValue)", Self.template(file))
        }
        return folder.url.appending(path: name)
    }

    @Test("SHA-256 of known bytes")
    func knownDigest() {
        // printf 'abc' | sha256sum
        #expect(
            PromptSetLoader.sha256Hex(Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // printf '' | sha256sum
        #expect(
            PromptSetLoader.sha256Hex(Data())
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("Loads every file with its name, location and hashes")
    func loads() throws {
        let folder = try ConfigTestFolder()
        let url = try writeSet(in: folder)
        try folder.write("mine/agent_observation.md", "abc")
        do {
            _ = try PromptSetLoader().load(from: url)
            Issue.record("abc lacks {{observation}}")
        } catch {
            #expect(error == .missingPlaceholder(folder: url.path, file: "agent_observation.md", placeholder: "observation"))
        }
        try folder.write("mine/agent_observation.md", "{{observation}}")
        try folder.write("mine/README.md", "ignored")
        let set = try PromptSetLoader().load(from: url)
        #expect(set.info.name == "mine")
        #expect(set.info.location == url.path)
        #expect(set.info.location.hasPrefix("/"))
        #expect(Set(set.info.fileHashes.keys) == Set(PromptFile.allCases.map(\.rawValue)))
        // printf '{{observation}}' | sha256sum
        #expect(set.info.fileHashes["agent_observation.md"] == PromptSetLoader.sha256Hex(Data("{{observation}}".utf8)))
        #expect(
            set.info.fileHashes["judge_system.md"]
                == PromptSetLoader.sha256Hex(Data(Self.template(.judgeSystem).utf8)))
        #expect(set.info.fileHashes.values.allSatisfy { $0.count == 64 && $0 == $0.lowercased() })
        #expect(set.template(.agentObservation) == "{{observation}}")
    }

    @Test("Loads the project's default set")
    func defaultSet() throws {
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appending(path: "data/prompts/default")
        try #require(FileManager.default.fileExists(atPath: folder.path))
        let set = try PromptSetLoader().load(from: folder)
        #expect(set.info.name == "default")
        #expect(set.info.fileHashes.count == PromptFile.allCases.count)
    }

    @Test("A missing file names the file and what to do")
    func missingFile() throws {
        let folder = try ConfigTestFolder()
        let url = try writeSet(in: folder)
        try folder.remove("mine/judge_user.md")
        do {
            _ = try PromptSetLoader().load(from: url)
            Issue.record("expected an error")
        } catch {
            #expect(error == .missingFile(folder: url.path, file: "judge_user.md"))
            #expect(error.description.contains("judge_user.md"))
            #expect(error.description.contains("Copy it from data/prompts/default"))
        }
    }

    @Test("A missing placeholder names the file and the placeholder")
    func missingPlaceholder() throws {
        let folder = try ConfigTestFolder()
        let url = try writeSet(in: folder)
        try folder.write("mine/judge_user.md", "{{query}} {{action_history}} {{final_state}}")
        do {
            _ = try PromptSetLoader().load(from: url)
            Issue.record("expected an error")
        } catch {
            #expect(error == .missingPlaceholder(folder: url.path, file: "judge_user.md", placeholder: "response"))
            #expect(error.description.contains("judge_user.md must contain {{response}}"))
        }
    }

    @Test("A missing folder, a file instead of a folder, and non-UTF-8 text are refused")
    func otherFailures() throws {
        let folder = try ConfigTestFolder()
        let missing = folder.url.appending(path: "nowhere")
        #expect(throws: PromptSetLoaderError.folderMissing(path: missing.path)) {
            try PromptSetLoader().load(from: missing)
        }
        let file = try folder.write("file.md", "x")
        #expect(throws: PromptSetLoaderError.notAFolder(path: file.path)) { try PromptSetLoader().load(from: file) }

        let url = try writeSet(in: folder)
        let bad = try folder.write("mine/agent_task.md", Data([0x7B, 0x7B, 0xC3, 0x28]))
        do {
            _ = try PromptSetLoader().load(from: url)
            Issue.record("expected an error")
        } catch {
            #expect(error == .notUTF8(path: bad.path))
            #expect(error.description.contains("UTF-8"))
        }
        #expect(PromptSetLoaderError.folderMissing(path: "/x").description.contains("PROMPTS_DIR"))
    }
}

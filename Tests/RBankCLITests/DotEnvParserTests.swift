import Foundation
import Testing

@testable import RBankCLI

@Suite(".env parsing")
struct DotEnvParserTests {
    private func values(_ text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for entry in try DotEnvParser.parse(text, path: "/w/.env") { result[entry.key] = entry.value }
        return result
    }

    @Test("Comments, blank lines, export, quotes, inline comments and escapes")
    func edgeCases() throws {
        let text = """
            # a comment

               # an indented comment
            PLAIN=value
            SPACED =  padded value  \t
            export EXPORTED=yes
            export\tTABBED=tab
            SINGLE='literal $HOME \\n # not a comment'
            DOUBLE="line\\nbreak \\"quoted\\" \\\\ # kept"
            INLINE=bare # trailing comment
            HASH=a#b
            EMPTY=
            EMPTY_QUOTED=""
            QUOTED_COMMENT="x" # after the quote
            EQUALS=a=b=c
            CRLF=windows\r
            REPEATED=first
            REPEATED=second
            """
        let parsed = try values(text)
        #expect(parsed["PLAIN"] == "value")
        #expect(parsed["SPACED"] == "padded value")
        #expect(parsed["EXPORTED"] == "yes")
        #expect(parsed["TABBED"] == "tab")
        #expect(parsed["SINGLE"] == "literal $HOME \\n # not a comment")
        #expect(parsed["DOUBLE"] == "line\nbreak \"quoted\" \\ # kept")
        #expect(parsed["INLINE"] == "bare")
        #expect(parsed["HASH"] == "a#b")
        #expect(parsed["EMPTY"] == "")
        #expect(parsed["EMPTY_QUOTED"] == "")
        #expect(parsed["QUOTED_COMMENT"] == "x")
        #expect(parsed["EQUALS"] == "a=b=c")
        #expect(parsed["CRLF"] == "windows")
        #expect(parsed["REPEATED"] == "second")
        #expect(parsed.count == 14)
    }

    @Test("Line numbers count every line")
    func lineNumbers() throws {
        let entries = try DotEnvParser.parse("\n# c\nA=1\n\nB=2", path: "/w/.env")
        #expect(entries.map(\.line) == [3, 5])
    }

    @Test(
        "A malformed line is an error naming the file and the line",
        arguments: [
            ("A=1\nthis is not an assignment\n", 2),
            ("A=1\nB=2\n=novalue\n", 3),
            ("1BAD=x\n", 1),
            ("OK=1\n\nQ=\"unterminated\n", 3),
            ("Q='unterminated\n", 1),
            ("Q=\"a\" trailing\n", 1),
            ("export\n", 1),
        ])
    func malformed(text: String, line: Int) throws {
        #expect {
            try DotEnvParser.parse(text, path: "/w/.env")
        } throws: { error in
            guard case .malformedDotEnv(let path, let number, _) = error as? ConfigurationError else { return false }
            return path == "/w/.env" && number == line
                && (error as? ConfigurationError)?.description.hasPrefix("/w/.env:\(line): ") == true
        }
    }

    @Test("A malformed .env line stops loading, and its text (which may hold a key) is not echoed")
    func malformedFileDuringLoad() throws {
        let folder = try ConfigTestFolder()
        let secret = "sk-ant-api03-SECRETSECRETSECRETSECRET"
        try folder.write(".env", "LLM_PROVIDER=anthropic\nANTHROPIC_API_KEY=\"\(secret)\n")
        do {
            _ = try Configuration.load(flags: [:], environment: [:], workingDirectory: folder.url)
            Issue.record("expected an error")
        } catch {
            #expect(error == .malformedDotEnv(path: folder.path(".env"), line: 2, reason: error.reasonText))
            #expect(error.description.contains("\(folder.path(".env")):2"))
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains("SECRET"))
        }
    }

    @Test("A .env that is not UTF-8 is refused with its path")
    func notUTF8() throws {
        let folder = try ConfigTestFolder()
        try folder.write(".env", Data([0x41, 0x3D, 0xFF, 0xFE, 0x0A]))
        #expect {
            try Configuration.load(flags: [:], environment: [:], workingDirectory: folder.url)
        } throws: { error in
            (error as? ConfigurationError)?.description.contains(folder.path(".env")) == true
                && "\(error)".contains("UTF-8")
        }
    }
}

private extension ConfigurationError {
    /// The reason text of a `.malformedDotEnv` error (empty for others).
    var reasonText: String {
        if case .malformedDotEnv(_, _, let reason) = self { return reason }
        return ""
    }
}

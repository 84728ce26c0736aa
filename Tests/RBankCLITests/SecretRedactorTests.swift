import Foundation
import Testing

@testable import RBankCLI

@Suite("SecretRedactor")
struct SecretRedactorTests {
    @Test("Every occurrence of every known secret is replaced, longest first")
    func knownSecrets() {
        let redactor = SecretRedactor(secrets: ["abc123", "abc123-longer", ""])
        #expect(redactor.redact("x abc123 y abc123-longer zabc123") == "x [redacted] y [redacted] z[redacted]")
        #expect(redactor.redact("nothing here") == "nothing here")
    }

    @Test(
        "Key shapes are replaced",
        arguments: [
            "sk-ant-api03-" + String(repeating: "a", count: 20),
            "sk-proj-" + String(repeating: "B9_", count: 7),
            "sk-" + String(repeating: "c", count: 20),
            "AIza" + String(repeating: "D", count: 35),
        ])
    func shapes(key: String) {
        let redactor = SecretRedactor()
        #expect(redactor.redact("key=\(key);") == "key=[redacted];")
        #expect(redactor.redact("\"\(key)\"") == "\"[redacted]\"")
        #expect(redactor.redact(key) == "[redacted]")
    }

    @Test(
        "Things that only look a little like keys are kept",
        arguments: [
            "sk-short", "task-" + String(repeating: "a", count: 30), "risk-" + String(repeating: "b", count: 25),
            "AIza-short", "the desk-lamp", "ä sk-ü" + String(repeating: "é", count: 30),
        ])
    func notKeys(text: String) {
        #expect(SecretRedactor().redact(text) == text)
    }
}

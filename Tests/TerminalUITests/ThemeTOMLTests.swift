import Foundation
import TestSupport
import Testing

@testable import TerminalUI

@Suite("Themes from TOML files")
struct ThemeTOMLTests {
    static let folder = ProjectFiles.path("themes")
    static let shipped = ["dark", "light", "high-contrast", "monochrome"]

    private func parse(_ text: String) throws(ThemeError) -> Theme {
        try Theme.parse(text, path: "themes/test.toml", defaultName: "test")
    }

    private func error(_ text: String) -> ThemeError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("the shipped themes load and define every role", arguments: shipped)
    func shippedThemes(name: String) throws {
        let theme = try Theme.named(name, in: Self.folder)
        #expect(theme.name == name)
        for role in ThemeRole.allCases {
            #expect(theme.styles[role] != nil, "\(name) does not define \(role.rawValue)")
        }
        #expect(theme[.selection].reverse, "selection is reverse video in \(name)")
    }

    @Test("the folder holds exactly the shipped themes")
    func availableThemes() {
        #expect(Theme.availableNames(in: Self.folder) == Self.shipped.sorted())
    }

    @Test("dark: distinct thought/action/observation colours and green/red/yellow outcomes")
    func dark() throws {
        let theme = try Theme.named("dark", in: Self.folder)
        let agent = [theme[.thought].foreground, theme[.action].foreground, theme[.observation].foreground]
        #expect(Set(agent).count == 3)
        #expect(!agent.contains(.default))
        #expect(theme[.success].foreground == .rgb(0x87, 0xd7, 0x87))
        #expect(theme[.failure].foreground == .rgb(0xff, 0x5f, 0x5f))
        #expect(theme[.warning].foreground == .rgb(0xff, 0xd7, 0x5f))
    }

    @Test("high-contrast has nothing dim; monochrome has no colours")
    func contrastAndMonochrome() throws {
        let contrast = try Theme.named("high-contrast", in: Self.folder)
        #expect(contrast.styles.values.allSatisfy { !$0.dim })
        let monochrome = try Theme.named("monochrome", in: Self.folder)
        #expect(monochrome.styles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(monochrome == monochrome.monochrome)
    }

    @Test("colours: default, names, bright names, #rrggbb and 0–255")
    func colours() throws {
        let theme = try parse(
            """
            name = "mine"
            [text]
            fg = "default"
            bg = "Blue"
            [muted]
            fg = "bright-black"
            bg = 236
            [accent]
            fg = "#5FAFFF"
            bold = true
            dim = false
            italic = true
            underline = true
            reverse = true
            """)
        #expect(theme.name == "mine")
        #expect(theme[.text] == Style(foreground: .default, background: .blue))
        #expect(theme[.muted] == Style(foreground: .indexed(8), background: .indexed(236)))
        #expect(theme[.accent] == Style(foreground: .rgb(0x5f, 0xaf, 0xff), bold: true, italic: true, underline: true, reverse: true))
        #expect(theme.styles[.title] == nil, "a role left out is not defined (and draws plain)")
        #expect(try parse("[text]\n").name == "test", "the name defaults to the file's")
    }

    @Test("malformed TOML: the line TOMLKit gives")
    func malformed() {
        guard case .malformedTOML(let path, let line, _, _)? = error("name = \"x\"\n[text]\nfg = \n") else {
            Issue.record("expected malformedTOML")
            return
        }
        #expect(path == "themes/test.toml")
        #expect(line == 3)
    }

    @Test("an unknown role names the line and lists the roles")
    func unknownRole() throws {
        let problem = try #require(error("name = \"x\"\n\n[succes]\nfg = \"green\"\n"))
        guard case .unknownKey(_, let line, let key, let allowed) = problem else {
            Issue.record("expected unknownKey, got \(problem)")
            return
        }
        #expect(line == 3)
        #expect(key == "succes")
        #expect(allowed.contains("success") && allowed.contains("border_focused") && allowed.contains("name"))
        #expect(problem.description.hasPrefix("themes/test.toml:3: unknown key \"succes\"; allowed keys are name, text"))
    }

    @Test("an unknown style key names the role and lists the keys")
    func unknownStyleKey() throws {
        let problem = try #require(error("[text]\nfg = \"red\"\nblink = true\n"))
        #expect(problem == .unknownKey(path: "themes/test.toml", line: 3, key: "text.blink", allowed: Theme.styleKeys))
    }

    @Test("a flag that is not a boolean")
    func flagType() throws {
        let problem = try #require(error("[title]\nbold = \"yes\"\n"))
        #expect(problem == .wrongType(path: "themes/test.toml", line: 2, key: "title.bold", expected: "true or false", found: "a string"))
    }

    @Test("colours that are not colours: unknown names, bad hex, out of range, wrong type", arguments: [
        ("fg = \"purple\"", "\"purple\""), ("fg = \"#12345\"", "\"#12345\""), ("fg = \"#gg0000\"", "\"#gg0000\""),
        ("bg = 256", "256"), ("bg = -1", "-1"), ("fg = \"bright-\"", "\"bright-\""),
    ])
    func invalidColours(line: String, shown: String) throws {
        let problem = try #require(error("[muted]\n\(line)\n"))
        guard case .invalidColor(let path, let number, let key, let value, let allowed) = problem else {
            Issue.record("expected invalidColor, got \(problem)")
            return
        }
        #expect(path == "themes/test.toml")
        #expect(number == 2)
        #expect(key.hasPrefix("muted."))
        #expect(value == shown)
        #expect(allowed.contains("#rrggbb") && allowed.contains("0–255") && allowed.contains("bright-"))
    }

    @Test("a colour of the wrong type", arguments: ["fg = true", "fg = 1.5", "fg = [1, 2]"])
    func colourType(line: String) throws {
        let problem = try #require(error("[muted]\n\(line)\n"))
        guard case .wrongType(_, let number, let key, let expected, _) = problem else {
            Issue.record("expected wrongType, got \(problem)")
            return
        }
        #expect(number == 2)
        #expect(key == "muted.fg")
        #expect(expected.contains("#rrggbb"))
    }

    @Test("a role that is not a table; a name that is not a string")
    func shapes() throws {
        #expect(
            try #require(error("text = \"red\"\n"))
                == .wrongType(path: "themes/test.toml", line: 1, key: "text", expected: "a table such as [text]", found: "a string"))
        #expect(
            try #require(error("name = 3\n"))
                == .wrongType(path: "themes/test.toml", line: 1, key: "name", expected: "a string", found: "an integer"))
    }

    @Test("files that cannot be read: missing, a folder, not UTF-8")
    func unreadable() throws {
        let directory = try TemporaryDirectory(prefix: "rbank-theme")
        defer { directory.remove() }
        #expect(throws: ThemeError.unreadable(path: directory.path("none.toml").path, reason: "there is no such file")) {
            try Theme.load(contentsOf: directory.path("none.toml"))
        }
        #expect(throws: ThemeError.unreadable(path: directory.url.path, reason: "it is a folder, not a file")) {
            try Theme.load(contentsOf: directory.url)
        }
        let binary = directory.path("binary.toml")
        try Data([0xFF, 0xFE, 0x00, 0x80]).write(to: binary)
        #expect(throws: ThemeError.unreadable(path: binary.path, reason: "it is not UTF-8 text")) {
            try Theme.load(contentsOf: binary)
        }
    }

    @Test("an unknown theme name lists the available themes")
    func unknownTheme() throws {
        let problem: ThemeError
        do {
            _ = try Theme.named("solarized", in: Self.folder)
            Issue.record("expected an error")
            return
        } catch {
            problem = error
        }
        #expect(problem == .unknownTheme(name: "solarized", folder: Self.folder.path, available: Self.shipped.sorted()))
        #expect(problem.description.contains("available themes: dark, high-contrast, light, monochrome"))
        #expect(throws: ThemeError.self) { try Theme.named("../themes/dark", in: Self.folder) }
        let empty = try TemporaryDirectory(prefix: "rbank-themes")
        defer { empty.remove() }
        #expect(throws: ThemeError.unknownTheme(name: "dark", folder: empty.url.path, available: [])) {
            try Theme.named("dark", in: empty.url)
        }
    }

    @Test("a theme file in a folder of its own loads by name, with the file's name as default")
    func ownFolder() throws {
        let directory = try TemporaryDirectory(prefix: "rbank-themes")
        defer { directory.remove() }
        try "[title]\nfg = \"#ff0000\"\nbold = true\n".write(to: directory.path("mine.toml"), atomically: true, encoding: .utf8)
        let theme = try Theme.named("mine", in: directory.url)
        #expect(theme.name == "mine")
        #expect(theme[.title] == Style(foreground: .rgb(255, 0, 0), bold: true))
    }
}

import Foundation
import ReasoningBank
import TestSupport
import TOMLFiles
import Testing

@testable import Providers

@Suite("Price table: lookup, cost, TOML")
struct PriceTableTests {
    static let sonnet = ModelPrice(input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75)
    static let gpt4o = ModelPrice(input: 2.5, output: 10, cacheRead: 1.25)
    static let mini = ModelPrice(input: 0.15, output: 0.6)
    static let free = ModelPrice(input: 0, output: 0)

    let table = PriceTable(
        models: [
            "anthropic": ["claude-sonnet-4-5": sonnet, "claude-sonnet-4": ModelPrice(input: 3, output: 15)],
            "openai": ["gpt-4o": gpt4o, "gpt-4o-mini": mini],
            "gemini": ["gemini-2.5-flash": ModelPrice(input: 0.3, output: 2.5)],
        ],
        providerDefaults: ["ollama": free])

    /// Writes `text` as a price file and loads it; the folder is removed afterwards.
    private func load(_ text: String) throws(PriceTableError) -> PriceTable {
        let folder: TemporaryDirectory
        do { folder = try TemporaryDirectory(prefix: "prices") } catch {
            Issue.record("no temporary folder: \(error)")
            return .empty
        }
        defer { folder.remove() }
        let file = folder.path("prices.toml")
        do { try Data(text.utf8).write(to: file) } catch {
            Issue.record("cannot write \(file.path): \(error)")
            return .empty
        }
        return try PriceTable.load(contentsOf: file)
    }

    /// The error loading `text` throws, or nil (recorded as an issue) when it loads.
    private func loadError(_ text: String) -> PriceTableError? {
        do {
            _ = try load(text)
            Issue.record("expected the price file to be refused:\n\(text)")
            return nil
        } catch {
            return error
        }
    }

    // MARK: Lookup

    @Test("an exact model id wins")
    func exactLookup() {
        #expect(table.price(provider: "openai", model: "gpt-4o") == Self.gpt4o)
        #expect(table.price(provider: "openai", model: "gpt-4o-mini") == Self.mini)
        #expect(table.price(provider: "anthropic", model: "claude-sonnet-4-5") == Self.sonnet)
    }

    @Test(
        "a dated snapshot or -latest takes the longest listed id it extends",
        arguments: [
            ("openai", "gpt-4o-2024-08-06", 2.5), ("openai", "gpt-4o-mini-2024-07-18", 0.15),
            ("anthropic", "claude-sonnet-4-5-20250929", 3), ("anthropic", "claude-sonnet-4-20250514", 3),
            ("openai", "gpt-4o-latest", 2.5), ("gemini", "models/gemini-2.5-flash", 0.3),
        ])
    func snapshotLookup(provider: String, model: String, input: Double) {
        #expect(table.price(provider: provider, model: model)?.input == input)
    }

    @Test("the longest prefix is chosen, not the first")
    func longestPrefix() {
        #expect(table.price(provider: "openai", model: "gpt-4o-mini-2024-07-18") == Self.mini)
        #expect(table.price(provider: "anthropic", model: "claude-sonnet-4-5-20250929") == Self.sonnet)
    }

    @Test(
        "a variant that is not a snapshot, a prefix without a dash, another provider or an unknown model has no price",
        arguments: [
            ("openai", "gpt-4o-audio-preview"), ("openai", "gpt-4omni"), ("openai", "gpt-4"), ("openai", "gpt-4o-"),
            ("anthropic", "gpt-4o"), ("gemini", "gemini-2.5-flash-lite"), ("openai-compatible", "llama3"),
            ("nobody", "gpt-4o"),
        ])
    func noPrice(provider: String, model: String) {
        #expect(table.price(provider: provider, model: model) == nil)
    }

    @Test("a provider default prices every model of the provider without its own entry")
    func providerDefault() {
        #expect(table.price(provider: "ollama", model: "llama3.1:8b") == Self.free)
        let withDefault = PriceTable(
            models: ["openai-compatible": ["paid": Self.gpt4o]], providerDefaults: ["openai-compatible": Self.free])
        #expect(withDefault.price(provider: "openai-compatible", model: "paid") == Self.gpt4o)
        #expect(withDefault.price(provider: "openai-compatible", model: "paid-2025-01-01") == Self.gpt4o)
        #expect(withDefault.price(provider: "openai-compatible", model: "other") == Self.free)
    }

    @Test("the empty table prices nothing and has no source")
    func emptyTable() {
        #expect(PriceTable.empty.price(provider: "openai", model: "gpt-4o") == nil)
        #expect(PriceTable.empty.source == nil)
    }

    // MARK: Cost

    @Test("cost: input and output per million tokens")
    func plainCost() {
        let usage = Usage(inputTokens: 1_000_000, outputTokens: 500_000, calls: 1)
        #expect(abs(Self.gpt4o.cost(of: usage) - 7.5) < 1e-9)
        let small: Double = (1234 * 0.15 + 56 * 0.6) / 1e6
        #expect(abs(Self.mini.cost(of: Usage(inputTokens: 1234, outputTokens: 56, calls: 1)) - small) < 1e-15)
        #expect(Self.free.cost(of: usage) == 0)
    }

    @Test("cost: cached tokens are taken out of the input and billed at their own prices")
    func cacheCost() {
        let usage = Usage(inputTokens: 10_000, outputTokens: 2_000, calls: 1, cacheReadTokens: 6_000, cacheWriteTokens: 3_000)
        // 1 000 uncached at 3, 6 000 read at 0.30, 3 000 written at 3.75, 2 000 out at 15.
        let expected: Double = (1_000 * 3 + 6_000 * 0.3 + 3_000 * 3.75 + 2_000 * 15) / 1e6
        #expect(abs(Self.sonnet.cost(of: usage) - expected) < 1e-12)
    }

    @Test("cost: a missing cache price is the input price")
    func cacheDefaultsToInput() {
        let usage = Usage(inputTokens: 10_000, outputTokens: 0, calls: 1, cacheReadTokens: 4_000, cacheWriteTokens: 2_000)
        // gpt-4o has a cache-read price and no cache-write price.
        let expected: Double = (4_000 * 2.5 + 4_000 * 1.25 + 2_000 * 2.5) / 1e6
        #expect(abs(Self.gpt4o.cost(of: usage) - expected) < 1e-12)
        #expect(Self.mini.cost(of: usage) == Self.mini.cost(of: Usage(inputTokens: 10_000, calls: 1)))
    }

    @Test("cost: cache parts larger than the input never make the uncached part negative")
    func inconsistentCache() {
        let usage = Usage(inputTokens: 100, outputTokens: 0, calls: 1, cacheReadTokens: 300)
        let expected: Double = 300 * 0.3 / 1e6
        #expect(abs(Self.sonnet.cost(of: usage) - expected) < 1e-15)
    }

    @Test("priced sets the cost of a priced call and keeps its tokens")
    func pricedCall() {
        let call = Usage(inputTokens: 2_000, outputTokens: 100, calls: 1, cacheReadTokens: 1_000, costUSD: 99, unpricedCalls: 1)
        let priced = table.priced(call, provider: "openai", model: "gpt-4o-2024-08-06")
        let expected: Double = (1_000 * 2.5 + 1_000 * 1.25 + 100 * 10) / 1e6
        #expect(abs(priced.costUSD - expected) < 1e-12)
        #expect(priced.unpricedCalls == 0)
        #expect(priced.inputTokens == 2_000 && priced.outputTokens == 100 && priced.calls == 1 && priced.cacheReadTokens == 1_000)
    }

    @Test("priced marks a call without a price as unpriced, at no cost")
    func unpricedCall() {
        let call = Usage(inputTokens: 2_000, outputTokens: 100, calls: 1)
        let priced = table.priced(call, provider: "openai", model: "gpt-9")
        #expect(priced.costUSD == 0)
        #expect(priced.unpricedCalls == 1)
        #expect(!priced.isFullyPriced)
        let sum = priced + table.priced(call, provider: "openai", model: "gpt-4o")
        #expect(sum.calls == 2 && sum.unpricedCalls == 1 && sum.costUSD > 0)
    }

    @Test("a free local model is priced at $0, not unpriced")
    func freeIsPriced() {
        let priced = table.priced(Usage(inputTokens: 500, outputTokens: 50, calls: 1), provider: "ollama", model: "qwen3")
        #expect(priced.costUSD == 0)
        #expect(priced.unpricedCalls == 0)
    }

    // MARK: TOML

    @Test("data/prices.toml loads and holds the documented prices")
    func shippedFile() throws {
        let url = ProjectFiles.path("data/prices.toml")
        let prices = try PriceTable.load(contentsOf: url)
        #expect(prices.source == url)
        #expect(prices.price(provider: "anthropic", model: "claude-sonnet-4-5") == Self.sonnet)
        #expect(prices.price(provider: "anthropic", model: "claude-opus-4-1")?.output == 75)
        #expect(prices.price(provider: "anthropic", model: "claude-3-5-haiku-20241022")?.input == 0.8)
        #expect(prices.price(provider: "openai", model: "gpt-5")?.cacheRead == 0.125)
        #expect(prices.price(provider: "openai", model: "gpt-4o") == Self.gpt4o)
        #expect(prices.price(provider: "openai", model: "gpt-4o-mini")?.input == 0.15)
        #expect(prices.price(provider: "openai", model: "text-embedding-3-small") == ModelPrice(input: 0.02, output: 0))
        #expect(prices.price(provider: "gemini", model: "gemini-2.5-pro") == ModelPrice(input: 1.25, output: 10))
        #expect(prices.price(provider: "gemini", model: "gemini-2.5-flash-lite")?.input == 0.1)
        #expect(prices.price(provider: "gemini", model: "gemini-embedding-001")?.input == 0.15)
        #expect(prices.price(provider: "ollama", model: "llama3.1:8b") == Self.free)
        #expect(prices.price(provider: "openai-compatible", model: "anything") == Self.free)
        #expect(prices.price(provider: "openai", model: "gpt-9") == nil)
        for provider in ["anthropic", "openai", "gemini"] {
            #expect(!(prices.models[provider] ?? [:]).isEmpty, "no \(provider) models")
        }
    }

    @Test("the documented format: inline entries, a [provider.default] table, integers as prices, sub-tables")
    func documentedFormat() throws {
        let prices = try load(
            """
            # a comment
            [anthropic.models]
            "claude-sonnet-4-5" = { input = 3.00, output = 15.00, cache_read = 0.30, cache_write = 3.75 }

            [openai.models."gpt-4o"]
            input = 2.5
            output = 10
            cache_read = 1.25

            [openai-compatible.default]   # applies to every model of the provider without its own entry
            input = 0.0
            output = 0.0
            """)
        #expect(prices.price(provider: "anthropic", model: "claude-sonnet-4-5") == Self.sonnet)
        #expect(prices.price(provider: "openai", model: "gpt-4o") == Self.gpt4o)
        #expect(prices.price(provider: "openai-compatible", model: "mistral") == Self.free)
        #expect(prices.providerDefaults.count == 1)
    }

    @Test("an empty file is an empty table")
    func emptyFile() throws {
        let prices = try load("# nothing priced yet\n")
        #expect(prices.models.isEmpty && prices.providerDefaults.isEmpty)
    }

    @Test("loadIfPresent: a missing file is the empty table; a present one loads")
    func loadIfPresent() throws {
        let folder = try TemporaryDirectory(prefix: "prices")
        defer { folder.remove() }
        let missing = try PriceTable.loadIfPresent(contentsOf: folder.path("absent.toml"))
        #expect(missing.source == nil)
        #expect(missing.models.isEmpty)
        let file = folder.path("prices.toml")
        try Data("[ollama.default]\ninput = 0\noutput = 0\n".utf8).write(to: file)
        let present = try PriceTable.loadIfPresent(contentsOf: file)
        #expect(present.source == file)
        #expect(present.price(provider: "ollama", model: "x") == Self.free)
    }

    @Test("load refuses a missing file, a folder and a file that is not UTF-8")
    func unreadable() throws {
        let folder = try TemporaryDirectory(prefix: "prices")
        defer { folder.remove() }
        let missing = folder.path("absent.toml")
        let error = #expect(throws: PriceTableError.self) { try PriceTable.load(contentsOf: missing) }
        #expect(error == .unreadable(path: missing.path, reason: "there is no such file"))
        #expect(error?.description.contains(missing.path) == true)

        let folderError = #expect(throws: PriceTableError.self) { try PriceTable.loadIfPresent(contentsOf: folder.url) }
        #expect(folderError?.description.contains("folder") == true)

        let binary = folder.path("binary.toml")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: binary)
        let binaryError = #expect(throws: PriceTableError.self) { try PriceTable.load(contentsOf: binary) }
        #expect(binaryError?.description.contains("not UTF-8") == true)

        let remote = try #require(URL(string: "https://example.com/prices.toml"))
        let remoteError = #expect(throws: PriceTableError.self) { try PriceTable.loadIfPresent(contentsOf: remote) }
        #expect(remoteError?.description.contains("not a local file") == true)
    }

    // MARK: Errors

    @Test("a TOML syntax error names the file, the parser's line and column")
    func syntaxError() throws {
        let error = try #require(loadError("[anthropic.models]\n\"claude\" = { input = 3.0, output = }\n"))
        guard case .malformedTOML(let path, let line, _, _) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(path.hasSuffix("prices.toml"))
        #expect(line == 2)
        #expect(error.description.contains("prices.toml line 2, column"))
        #expect(error.description.contains("not valid TOML"))
    }

    @Test("a misspelt price key is an unknown key with the keys that exist")
    func unknownPriceKey() throws {
        let error = try #require(
            loadError(
                """
                [anthropic.models]
                "claude-haiku-4-5" = { input = 1.0, output = 5.0 }
                "claude-sonnet-4-5" = { inptu = 3.0, output = 15.0 }
                """))
        #expect(error.line == 3)
        guard case .unknownKey(_, _, let key, let expected) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(key == "anthropic.models.claude-sonnet-4-5.inptu")
        #expect(expected == ["input", "output", "cache_read", "cache_write"])
        #expect(error.description.contains("prices.toml line 3"))
        #expect(error.description.contains("unknown key `inptu`"))
        #expect(error.description.contains("expected input, output, cache_read, cache_write"))
    }

    @Test("an unknown key in a sub-table is found on its own line")
    func unknownKeyInSubTable() throws {
        let error = try #require(loadError("[openai.models.\"gpt-4o\"]\ninput = 2.5\noutput = 10\ncache = 1.25\n"))
        #expect(error.line == 4)
        #expect(error.description.contains("unknown key `cache` at openai.models.gpt-4o.cache"))
    }

    @Test("an unknown key in a provider's table lists models and default")
    func unknownProviderKey() throws {
        let error = try #require(loadError("[openai.model]\n\"gpt-4o\" = { input = 2.5, output = 10 }\n"))
        #expect(error.line == 1)
        #expect(error.description.contains("unknown key `model` at openai.model; expected models, default"))
    }

    @Test("an unknown provider is refused with the providers that exist")
    func unknownProvider() throws {
        let error = try #require(loadError("[ollama.default]\ninput = 0\noutput = 0\n\n[antropic.models]\n\"claude\" = { input = 3, output = 15 }\n"))
        #expect(error == .unknownProvider(path: error.path, line: 5, provider: "antropic"))
        #expect(error.description.contains("unknown provider `antropic`; expected anthropic, openai, gemini, openai-compatible, ollama"))
    }

    @Test("a negative price is refused")
    func negativePrice() throws {
        let error = try #require(loadError("[gemini.models]\n\"gemini-2.5-pro\" = { input = -1.25, output = 10 }\n"))
        #expect(error == .negativePrice(path: error.path, line: 2, key: "gemini.models.\"gemini-2.5-pro\".input", value: -1.25))
        #expect(error.description.contains("line 2"))
        #expect(error.description.contains("cannot be negative"))
    }

    @Test("a price that is not a number is refused with its type", arguments: [
        ("\"3.00\"", "a string"), ("true", "a boolean"), ("[3, 15]", "an array"), ("2025-01-01", "a date"),
    ])
    func notANumber(value: String, type: String) throws {
        let error = try #require(loadError("[openai.models]\n\"gpt-4o\" = { input = \(value), output = 10 }\n"))
        guard case .notANumber(_, let line, let key, _) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(line == 2)
        #expect(key == "openai.models.gpt-4o.input")
        #expect(error.description.contains("is \(type), not a number"))
    }

    @Test("an infinite or NaN price is refused", arguments: ["inf", "nan"])
    func notFinite(value: String) throws {
        let error = try #require(loadError("[openai.default]\ninput = \(value)\noutput = 1\n"))
        guard case .notFinite(_, let line, let key, _) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(line == 2)
        #expect(key == "openai.default.input")
        #expect(error.description.contains("not a price"))
    }

    @Test("a number where a model's price belongs is refused")
    func numberForEntry() throws {
        let error = try #require(loadError("[openai.models]\n\"gpt-4o\" = 2.5\n"))
        guard case .notATable(_, let line, let key, _, _) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(line == 2)
        #expect(key == "openai.models.gpt-4o")
        #expect(error.description.contains("is a floating-point number where a price such as { input = 3.0, output = 15.0 } was expected"))
    }

    @Test("a provider or models that is not a table is refused")
    func providerNotATable() throws {
        let provider = try #require(loadError("openai = 3\n"))
        #expect(provider.line == 1)
        #expect(provider.description.contains("openai is an integer where a provider's table"))
        let models = try #require(loadError("[gemini]\nmodels = \"all\"\n"))
        #expect(models.line == 2)
        #expect(models.description.contains("gemini.models is a string where a table of model prices was expected"))
    }

    @Test("a table where a model's price was expected: an unquoted id with a dot")
    func nestedTable() throws {
        let error = try #require(loadError("[gemini.models]\ngemini-2.5-pro = { input = 1.25, output = 10 }\n"))
        #expect(error == .nestedTable(path: error.path, line: 2, key: "gemini.models.gemini-2", child: "5-pro"))
        #expect(error.description.contains("a model id with a dot must be quoted, as in \"gemini-2.5-pro\" = {"))
    }

    @Test("a table where a price number was expected is not a number")
    func tableForNumber() throws {
        let error = try #require(loadError("[openai.models.\"gpt-4o\"]\noutput = 10\n[openai.models.\"gpt-4o\".input]\nusd = 2.5\n"))
        guard case .notANumber(_, let line, let key, let type) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(line == 3)
        #expect(key == "openai.models.gpt-4o.input")
        #expect(type == "table")
    }

    @Test("a price without input or output is refused, naming the missing one", arguments: [
        ("{ output = 15 }", "input"), ("{ input = 3 }", "output"), ("{ }", "input"),
    ])
    func missingPrice(entry: String, field: String) throws {
        let error = try #require(loadError("[anthropic.models]\n\"claude-sonnet-4-5\" = \(entry)\n"))
        #expect(error == .missingPrice(path: error.path, line: 2, key: "anthropic.models.claude-sonnet-4-5", field: field))
        #expect(error.description.contains("has no `\(field)` price; add \(field) = "))
    }

    @Test("a missing price in a default table points at its header")
    func missingDefaultPrice() throws {
        let error = try #require(loadError("[ollama.models]\n\"x\" = { input = 0, output = 0 }\n\n[ollama.default]\ninput = 0\n"))
        #expect(error.line == 4)
        #expect(error.description.contains("ollama.default has no `output` price"))
    }

    @Test("errors without a known line still name the file and the key")
    func parseWithoutFile() throws {
        let error = #expect(throws: PriceTableError.self) {
            try PriceTable.parse("[openai.models]\n'gpt-4o' = { input = -1, output = 1 }", path: "inline prices")
        }
        #expect(error?.description.hasPrefix("price file inline prices line 2:") == true)
    }

    // MARK: Key paths

    @Test("key paths are split and quoted as TOML writes them")
    func keyPaths() {
        #expect(TOMLKey.components(#"a."b.c" . d"#) == ["a", "b.c", "d"])
        #expect(TOMLKey.components(#"'x.y'.z"#) == ["x.y", "z"])
        #expect(TOMLKey.components(#""q\"uote""#) == [#"q"uote"#])
        #expect(PriceTable.dotted(["openai", "models", "gpt-4.1", "input"]) == #"openai.models."gpt-4.1".input"#)
        #expect(PriceTable.dotted(["ollama", "models", "llama3.1:8b"]) == #"ollama.models."llama3.1:8b""#)
    }

    @Test("hostile input never crashes", arguments: [
        "", "[", "]]]", "=", "\"", "[a.\"b]", "[[anthropic.models]]\nx = 1", "anthropic.models.x.input = 1",
        "[anthropic.models]\n\"\" = { input = 1, output = 1 }", String(repeating: "[a]\n", count: 3),
        "[anthropic]\nmodels = [1, 2]", "[openai.default]\ninput = 1e400\noutput = 0",
        "[openai.models]\n\"x\" = { input = 1, output = 1, cache_read = -0.0 }",
    ])
    func hostileInput(text: String) {
        do {
            _ = try PriceTable.parse(text, path: "fuzz")
        } catch {
            #expect(!error.description.isEmpty)
            #expect(error.description.contains("fuzz"))
        }
    }
}

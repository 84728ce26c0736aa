import CNCursesW
import Testing

@testable import TerminalUI

@Suite("Key decoding and colour mapping")
struct BackendDecodingTests {
    private func keys(_ raw: [KeyDecoder.Raw]) -> [KeyDecoder.Decoded] { KeyDecoder.decode(raw) }
    private func characters(_ text: String) -> [KeyDecoder.Raw] { text.unicodeScalars.map { .character($0.value) } }

    @Test("printable characters, including wide ones, are characters")
    func printable() {
        #expect(keys(characters("aZ é界😀")) == "aZ é界😀".map { .key(.character($0)) })
    }

    @Test("a combining mark joins the character before it")
    func combining() {
        #expect(keys(characters("e\u{301}x")) == [.key(.character("e\u{301}")), .key(.character("x"))])
    }

    @Test("control characters: tab, enter, backspace, escape and control letters")
    func controls() {
        let raw: [KeyDecoder.Raw] = [9, 13, 10, 127, 8, 1, 3, 26, 0, 28].map { .character($0) }
        #expect(
            keys(raw) == [
                .key(.tab), .key(.enter), .key(.enter), .key(.backspace), .key(.backspace), .key(.control("a")),
                .key(.control("c")), .key(.control("z")),
            ])
    }

    @Test("ncurses key codes: arrows, paging, home/end, delete, back-tab, F-keys, resize")
    func codes() {
        let raw: [KeyDecoder.Raw] = [
            KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_PPAGE, KEY_NPAGE, KEY_BACKSPACE, KEY_DC,
            KEY_ENTER, KEY_BTAB, rb_key_f(1), rb_key_f(12), KEY_RESIZE, KEY_MOUSE,
        ].map { .code($0) }
        #expect(
            keys(raw) == [
                .key(.up), .key(.down), .key(.left), .key(.right), .key(.home), .key(.end), .key(.pageUp),
                .key(.pageDown), .key(.backspace), .key(.delete), .key(.enter), .key(.backTab), .key(.function(1)),
                .key(.function(12)), .resize,
            ])
    }

    @Test("a lone escape is Escape; two escapes are two")
    func escape() {
        #expect(keys([.character(27)]) == [.key(.escape)])
        #expect(keys([.character(27), .character(27)]) == [.key(.escape), .key(.escape)])
        #expect(keys([.character(27), .code(KEY_UP)]) == [.key(.escape), .key(.up)])
    }

    @Test("Alt combinations and unrecognised escape sequences are dropped, not read as Escape and keys")
    func altAndUnknownSequences() {
        #expect(keys([.character(27), .character(0x78), .character(0x61)]) == [.key(.character("a"))])
        #expect(keys([.character(27)] + characters("[1;5Ab")) == [.key(.character("b"))])
        #expect(keys([.character(27)] + characters("OPc")) == [.key(.character("c"))])
    }

    @Test("24-bit colours map to the nearest of 256, 16 or 8")
    func palette() {
        let full = ColorPalette(count: 256, hasDefaultColors: true)
        #expect(full.number(for: .rgb(255, 0, 0), foreground: true) == 196)
        #expect(full.number(for: .rgb(0x5f, 0xaf, 0xff), foreground: true) == 75)
        #expect(full.number(for: .rgb(0x80, 0x80, 0x80), foreground: true) == 244)
        #expect(full.number(for: .indexed(42), foreground: true) == 42)
        #expect(full.number(for: .default, foreground: true) == -1)
        let eight = ColorPalette(count: 8, hasDefaultColors: false)
        #expect(eight.number(for: .rgb(250, 10, 10), foreground: true) == 1)
        #expect(eight.number(for: .indexed(9), foreground: true) == 1)
        #expect(eight.number(for: .indexed(196), foreground: true) == 1)
        #expect(eight.number(for: .default, foreground: true) == 7)
        #expect(eight.number(for: .default, foreground: false) == 0)
        let sixteen = ColorPalette(count: 16, hasDefaultColors: true)
        #expect(sixteen.number(for: .rgb(255, 255, 255), foreground: true) == 15)
    }

    @Test("colour pairs are allocated once per combination, 0 for the defaults and when they run out")
    func pairs() {
        var pairs = ColorPairs(limit: 3)
        var defined: [Int32] = []
        let define: (Int32, Int32, Int32) -> Bool = { number, _, _ in
            defined.append(number)
            return true
        }
        #expect(pairs.pair(foreground: -1, background: -1, initialize: define) == 0)
        #expect(pairs.pair(foreground: 1, background: -1, initialize: define) == 1)
        #expect(pairs.pair(foreground: 2, background: -1, initialize: define) == 2)
        #expect(pairs.pair(foreground: 1, background: -1, initialize: define) == 1)
        #expect(pairs.pair(foreground: 3, background: 4, initialize: define) == 0)
        #expect(defined == [1, 2])
        #expect(pairs.count == 2)
    }
}

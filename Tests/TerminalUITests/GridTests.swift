import Testing

@testable import TerminalUI

@Suite("Cell grid and character widths")
struct GridTests {
    @Test("widths: ASCII 1, CJK and emoji 2, combining marks 0, independent of the locale")
    func widths() {
        #expect(CharacterWidth.of("abc") == 3)
        #expect(CharacterWidth.of("界") == 2)
        #expect(CharacterWidth.of("😀") == 2)
        #expect(CharacterWidth.of("e\u{301}") == 1)
        #expect(CharacterWidth.of("ｶﾀｶﾅ") == 4)
        #expect(CharacterWidth.of("한국어") == 6)
        #expect(CharacterWidth.of("✔︎") >= 1)
    }

    @Test("put writes wide characters in two cells and clips at the edge without half characters")
    func putClips() {
        var grid = Grid(size: Size(width: 6, height: 2))
        #expect(grid.put("a界b", x: 0, y: 0) == 4)
        #expect(grid.line(0) == "a界b  ")
        #expect(grid.put("xy😀", x: 3, y: 1) == 2)
        #expect(grid.text == "a界b\n   xy")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteWide() {
        var grid = Grid(size: Size(width: 4, height: 1))
        grid.put("界界", x: 0, y: 0)
        grid.put("z", x: 1, y: 0)
        #expect(grid.line(0) == " z界")
    }

    @Test("control characters and newlines show as a middle dot; clip rectangles hold")
    func controlAndClip() {
        var grid = Grid(size: Size(width: 8, height: 3))
        grid.put("a\nb\tc", x: 0, y: 0)
        #expect(grid.line(0).hasPrefix("a·b·c"))
        grid.put("0123456789", x: 0, y: 1, clip: Rect(x: 2, y: 1, width: 3, height: 1))
        #expect(grid.line(1) == "  234   ")
    }

    @Test("rectangles split by weights cover the whole area")
    func rects() {
        let parts = Rect(x: 0, y: 0, width: 80, height: 24).columns([2, 1])
        #expect(parts.map(\.width) == [53, 27])
        #expect(parts[1].x == 53)
        let rows = Rect(x: 0, y: 1, width: 10, height: 10).rows([1, 1, 1])
        #expect(rows.map(\.height) == [3, 3, 4])
        #expect(rows.last?.maxY == 11)
    }
}

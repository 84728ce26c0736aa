/// Display widths of characters, as a terminal draws them, computed in Swift from Unicode properties so
/// the result does not depend on the process locale (`wcwidth` returns -1 for everything non-ASCII
/// under the C locale): 0 for combining marks and other zero-width scalars, 2 for East Asian wide and
/// fullwidth characters and emoji presentation, 1 otherwise.
public enum CharacterWidth {
    /// Columns one scalar takes.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x7F { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) || (0xFE00...0xFE0F).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(value) ? 2 : 1
    }

    /// Columns a character (a grapheme cluster) takes: its widest scalar, so an emoji with a
    /// variation selector or a skin-tone modifier counts once.
    public static func of(_ character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars { widest = max(widest, of(scalar)) }
        // Text-presentation symbols turned into emoji by U+FE0F are wide.
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { widest = max(widest, 2) }
        return widest
    }

    /// Columns a string takes on screen.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The East Asian Wide (W) and Fullwidth (F) blocks.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}

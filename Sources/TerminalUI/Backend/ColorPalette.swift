/// Maps `Color`s to the colour numbers a terminal has: the terminal's default (-1), the 8 or 16 ANSI
/// colours, or the xterm 256-colour palette. 24-bit colours and indexes the terminal lacks become the
/// nearest colour it has (by a perceptual "redmean" distance over the xterm palette's RGB values).
struct ColorPalette: Sendable, Hashable {
    /// How many colours the terminal has (`COLORS`): 8, 16, 256 or more.
    let count: Int
    /// Whether -1 means "the terminal's default colour" (`use_default_colors` succeeded).
    let hasDefaultColors: Bool

    /// The colour number for `color`, as a foreground or a background.
    func number(for color: Color, foreground: Bool) -> Int32 {
        switch color {
        case .default:
            if hasDefaultColors { return -1 }
            return foreground ? 7 : 0
        case .indexed(let index):
            if Int(index) < count { return Int32(index) }
            if index < 16 { return Int32(index % 8) }
            let (red, green, blue) = Self.rgb(ofIndex: index)
            return nearest(red, green, blue)
        case .rgb(let red, let green, let blue):
            return nearest(red, green, blue)
        }
    }

    /// The nearest colour this palette has to an RGB value.
    func nearest(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int32 {
        // With 256 colours, prefer the cube and the grey ramp: their RGB values are fixed, while a
        // terminal's theme redefines the 16 ANSI colours.
        let candidates: ClosedRange<Int> = count >= 256 ? 16...255 : (count >= 16 ? 0...15 : 0...7)
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for index in candidates {
            let (r, g, b) = Self.rgb(ofIndex: UInt8(index))
            let distance = Self.distance((red, green, blue), (r, g, b))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return Int32(best)
    }

    /// The RGB value of an xterm palette index (xterm's defaults for 0–15).
    static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return ansi[Int(index)]
        case 16..<232:
            let offset = Int(index) - 16
            return (cubeLevels[offset / 36], cubeLevels[(offset / 6) % 6], cubeLevels[offset % 6])
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        }
    }

    private static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]
    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The "redmean" approximation of perceived colour difference (squared).
    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let meanRed = (Int(a.0) + Int(b.0)) / 2
        let red = Int(a.0) - Int(b.0)
        let green = Int(a.1) - Int(b.1)
        let blue = Int(a.2) - Int(b.2)
        return (((512 + meanRed) * red * red) >> 8) + 4 * green * green + (((767 - meanRed) * blue * blue) >> 8)
    }
}

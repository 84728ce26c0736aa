import CNCursesW

/// Turns what `wget_wch` returned during one drain of the input into keys. A pure function of its
/// input, so it is tested without a terminal.
///
/// - Printable characters become `.character` (combining marks join the character before them).
/// - Tab, Enter (CR, LF, `KEY_ENTER`), Escape, Backspace (`KEY_BACKSPACE`, DEL 127, BS 8), back-tab
///   (`KEY_BTAB`), arrows, Home/End, Page Up/Down, Delete and F1–F63 become their keys; other control
///   characters 1–26 become `.control("a")` … `.control("z")`.
/// - Escape followed in the same drain by another character (not Escape) is an Alt combination, or an
///   escape sequence ncurses did not recognise (`ESC [ … final`, `ESC O x`): `Key` has no Alt, so the
///   whole combination is dropped rather than misread as Escape and a key.
/// - `KEY_RESIZE` becomes `.resize`; other ncurses key codes (mouse, keypad extras) are ignored.
enum KeyDecoder {
    /// One result of `wget_wch`: a character (`OK`) or a key code (`KEY_CODE_YES`).
    enum Raw: Sendable, Hashable {
        case character(UInt32)
        case code(Int32)
    }

    /// A decoded input: a key, or the notice that the terminal changed size.
    enum Decoded: Sendable, Hashable {
        case key(Key)
        case resize
    }

    static func decode(_ raw: [Raw]) -> [Decoded] {
        var result: [Decoded] = []
        var index = 0
        while index < raw.count {
            switch raw[index] {
            case .code(let code):
                if let decoded = decode(code: code) { result.append(decoded) }
                index += 1
            case .character(27):
                index += 1
                guard index < raw.count, case .character(let next) = raw[index], next != 27 else {
                    result.append(.key(.escape))
                    continue
                }
                index += 1
                // CSI (`ESC [`) and SS3 (`ESC O`) sequences run to a final byte in 0x40–0x7E.
                if next == 0x5B || next == 0x4F {
                    while index < raw.count, case .character(let byte) = raw[index] {
                        index += 1
                        if next == 0x4F || (0x40...0x7E).contains(byte) { break }
                    }
                }
            case .character(let value):
                index += 1
                if let key = decode(character: value) {
                    if case .character(let character) = key, let merged = joined(result.last, character) {
                        result[result.count - 1] = .key(.character(merged))
                    } else {
                        result.append(.key(key))
                    }
                }
            }
        }
        return result
    }

    /// A key code from `wget_wch` (`KEY_CODE_YES`).
    static func decode(code: Int32) -> Decoded? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case rb_key_f(1)...rb_key_f(63): return .key(.function(Int(code - rb_key_f(0))))
        default: return nil
        }
    }

    /// A character from `wget_wch` (`OK`).
    static func decode(character value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// `previous` with `character` appended when that still makes one character (a combining mark).
    private static func joined(_ previous: Decoded?, _ character: Character) -> Character? {
        guard case .key(.character(let base)) = previous else { return nil }
        let text = String(base) + String(character)
        return text.count == 1 ? Character(text) : nil
    }
}

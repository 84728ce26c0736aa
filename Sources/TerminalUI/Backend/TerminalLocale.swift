import CNCursesW
import Foundation

/// The locale ncursesw needs to draw and read wide characters: the user's locale (`setlocale(LC_ALL,
/// "")`), with `C.UTF-8` for characters when that is not UTF-8, and the C conventions for numbers so
/// that C code parsing or printing decimals (`strtod`, `printf`) behaves the same in every locale.
@MainActor
enum TerminalLocale {
    private static var isConfigured = false

    /// Sets the process locale once; later calls do nothing. Returns the character codeset in use.
    @discardableResult
    static func configure() -> String {
        if !isConfigured {
            isConfigured = true
            setlocale(LC_ALL, "")
            if !isUTF8(codeset) { setlocale(LC_CTYPE, "C.UTF-8") }
            setlocale(LC_NUMERIC, "C")
        }
        return codeset
    }

    /// The codeset of the current character locale.
    static var codeset: String {
        guard let name = rb_codeset() else { return "" }
        return String(cString: name)
    }

    static func isUTF8(_ codeset: String) -> Bool {
        let normalized = codeset.uppercased().replacingOccurrences(of: "-", with: "")
        return normalized == "UTF8"
    }
}

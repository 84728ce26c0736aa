/// An error shown to the user as one clear message (no stack, no type names).
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ message: String) { description = message }
}

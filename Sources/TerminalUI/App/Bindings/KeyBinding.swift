/// One row of the workbench's binding table: keys, the command they trigger, where, and how help and
/// the bottom bar describe it. Dispatch, `?` help and the bottom bar are all generated from
/// `KeyBinding.table`.
public struct KeyBinding: Sendable, Hashable {
    /// The keys that trigger the command; the first is the one the bar shows.
    public var keys: [Key]
    /// What the keys do.
    public var command: WorkbenchCommand
    /// What the binding does, for help.
    public var summary: String
    /// Where the binding applies.
    public var context: BindingContext
    /// A word or two for the bottom bar; nil keeps the binding out of the bar.
    public var barLabel: String?

    /// A binding of `keys` to `command` in `context`; `bar` puts it on the bottom bar with that label.
    public init(_ keys: [Key], _ command: WorkbenchCommand, _ summary: String, in context: BindingContext, bar: String? = nil) {
        self.keys = keys
        self.command = command
        self.summary = summary
        self.context = context
        self.barLabel = bar
    }

    /// The keys as help writes them, e.g. `j/↓`.
    public var keyText: String { keys.map(\.description).joined(separator: "/") }

    /// The bindings of `context`, in table order.
    public static func bindings(in context: BindingContext) -> [KeyBinding] {
        table.filter { $0.context == context }
    }

    /// The first binding for `key` in `contexts`, searched in order.
    public static func lookup(_ key: Key, in contexts: [BindingContext]) -> KeyBinding? {
        for context in contexts {
            if let binding = table.first(where: { $0.context == context && $0.keys.contains(key) }) { return binding }
        }
        return nil
    }
}

/// What is drawn over the screen and takes the keys first.
enum Overlay: Sendable, Hashable {
    /// The bindings of the screen below, generated from the binding table.
    case help(scroll: Int)
    /// The `:` palette's input line.
    case palette
    /// A palette command's text output.
    case output(title: String, text: String, scroll: Int)
    case confirm(ConfirmAction)
    case taskPicker(TaskPicker)
}

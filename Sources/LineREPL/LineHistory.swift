import CEditLine
import Foundation

/// A libedit history list with a size cap, saved to and loaded from a file (libedit's own format).
///
/// Not thread-safe: its owner uses it from one thread (the line editor's queue).
public final class LineHistory {
    /// The libedit history, for the line editor that walks it with the arrow keys.
    let pointer: OpaquePointer
    private var event = HistEvent()
    /// The most entries kept.
    public let capacity: Int

    /// Creates an empty history holding at most `capacity` entries; a line equal to the one before is
    /// not entered twice.
    public init(capacity: Int = 1000) {
        self.capacity = max(1, capacity)
        pointer = history_init()
        _ = rb_history_set_size(pointer, &event, Int32(self.capacity))
        _ = rb_history_set_unique(pointer, &event, 1)
    }

    deinit { history_end(pointer) }

    /// Appends a line (blank lines are ignored); the oldest entry goes once the history is full.
    public func add(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        _ = rb_history_enter(pointer, &event, line)
    }

    /// The entries, oldest first.
    public var entries: [String] {
        var lines: [String] = []
        var status = rb_history_first(pointer, &event)
        while status >= 0, let text = event.str {
            lines.append(String(cString: text))
            status = rb_history_next(pointer, &event)
        }
        return lines.reversed()
    }

    /// Loads entries from `path` after the ones held (the newest are kept when there are more than the
    /// capacity); a missing file is no entries.
    public func load(from path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = rb_history_load(pointer, &event, path)
    }

    /// Writes every entry to `path`, creating its folder.
    public func save(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        guard rb_history_save(pointer, &event, path) >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}

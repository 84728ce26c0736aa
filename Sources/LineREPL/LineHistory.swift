import CEditLine
import Foundation

/// A libedit history list with a size cap, saved to and loaded from a file.
public final class LineHistory {
    private let history: OpaquePointer
    private var event = HistEvent()
    /// The most entries kept.
    public let capacity: Int

    /// Creates an empty history holding at most `capacity` entries.
    public init(capacity: Int = 1000) {
        self.capacity = max(1, capacity)
        history = history_init()
        _ = rb_history_set_size(history, &event, Int32(self.capacity))
    }

    deinit { history_end(history) }

    /// Appends a line (blank lines are ignored).
    public func add(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        _ = rb_history_enter(history, &event, line)
    }

    /// Loads entries from `path`; a missing file is an empty history.
    public func load(from path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = rb_history_load(history, &event, path)
    }

    /// Writes every entry to `path`, creating its folder.
    public func save(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        guard rb_history_save(history, &event, path) >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}

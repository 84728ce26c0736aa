import Foundation

/// Why the log file could not be set up.
public enum LogSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder of `LOG_FILE` could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// `LOG_FILE` could not be opened for appending.
    case cannotOpenFile(path: String, reason: String)
    /// `ENABLE_LOGGING` or `LOG_LEVEL` is not valid.
    case configuration(ConfigurationError)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            "The log folder \(path) could not be created (\(reason)). Set LOG_FILE to a writable path, "
                + "or ENABLE_LOGGING=false."
        case .cannotOpenFile(let path, let reason):
            "The log file \(path) could not be opened (\(reason)). Set LOG_FILE to a writable path, "
                + "or ENABLE_LOGGING=false."
        case .configuration(let error): error.description
        }
    }
}

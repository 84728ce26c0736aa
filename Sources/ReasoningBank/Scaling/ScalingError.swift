import Foundation

/// Why a MaTTS run could not produce an answer. Ends the run as `error`.
public enum ScalingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every trajectory (or the first round) broke; the messages say why, in order.
    case noAttemptFinished([String])
    /// The selector was given no trajectory (an internal error).
    case nothingToSelect

    public var description: String {
        switch self {
        case .noAttemptFinished(let reasons):
            "No trajectory ran to an end: " + reasons.joined(separator: " · ")
        case .nothingToSelect:
            "The Best-of-N selector was given no trajectory."
        }
    }
}

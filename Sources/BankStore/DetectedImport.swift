import Foundation

/// What `Bank.detectImport(url:)` found: the format, the companion embeddings file, and why.
public struct DetectedImport: Sendable, Hashable {
    public var format: BankFileFormat
    public var bankURL: URL
    /// The embeddings file found beside the bank file, if any.
    public var embeddingsURL: URL?
    /// A sentence or two for the user: what the file looks like and which embeddings file will be used.
    public var explanation: String

    public init(format: BankFileFormat, bankURL: URL, embeddingsURL: URL?, explanation: String) {
        self.format = format
        self.bankURL = bankURL
        self.embeddingsURL = embeddingsURL
        self.explanation = explanation
    }
}

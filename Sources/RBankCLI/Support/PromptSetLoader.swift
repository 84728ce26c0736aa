import Crypto
import Foundation
import ReasoningBank

/// Loads a prompt folder into a ``ReasoningBank/PromptSet``: every file of ``ReasoningBank/PromptFile``,
/// read as UTF-8, with the lowercase hex SHA-256 of its bytes. The set's name is the folder's name and
/// its location the folder's absolute path. Other files in the folder (a README) are ignored.
public struct PromptSetLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// Loads the prompt set in `folder`.
    public func load(from folder: URL) throws(PromptSetLoaderError) -> PromptSet {
        let folder = folder.standardizedFileURL
        let location = folder.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory) else {
            throw .folderMissing(path: location)
        }
        guard isDirectory.boolValue else { throw .notAFolder(path: location) }

        var templates: [PromptFile: String] = [:]
        var hashes: [String: String] = [:]
        for file in PromptFile.allCases {
            let url = folder.appending(path: file.rawValue)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw .missingFile(folder: location, file: file.rawValue)
            }
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw .unreadableFile(path: url.path, reason: Self.reason(error))
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw .notUTF8(path: url.path)
            }
            templates[file] = text
            hashes[file.rawValue] = Self.sha256Hex(data)
        }
        let info = PromptSetInfo(name: folder.lastPathComponent, location: location, fileHashes: hashes)
        do {
            return try PromptSet(info: info, templates: templates)
        } catch {
            throw PromptSetLoaderError(error)
        }
    }

    /// The lowercase hex SHA-256 of `data`.
    public static func sha256Hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, cocoa.code == .fileReadNoPermission {
            return "permission denied"
        }
        return (error as NSError).localizedDescription
    }
}

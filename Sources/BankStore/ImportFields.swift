import Foundation

/// Reads typed fields out of one JSON object of an import file, refusing wrong or missing values
/// with the file, the place (entry or line) and the field named.
struct ImportFields {
    let text: ImportText
    /// Where the object is, e.g. `entry 3 of 5 (id "…")` or `line 7`.
    let place: String
    /// The field path prefix, e.g. `memory_items[1].` for an item.
    let path: String
    let members: [JSONMember]

    /// Reads `value` as an object, or refuses it.
    init(_ value: JSONValue, text: ImportText, place: String, path: String = "", what: String) throws {
        guard let members = value.members else {
            throw text.refusal(at: path.isEmpty ? place : "\(place), field \"\(path.dropLast())\"",
                "expected \(what) (a JSON object), found \(value.kindDescription)")
        }
        self.text = text
        self.place = place
        self.path = path
        self.members = members
    }

    /// The keys in file order, each once.
    var keyOrder: [String] {
        var seen = Set<String>()
        return members.map(\.key).filter { seen.insert($0).inserted }
    }

    func value(_ key: String) -> JSONValue? { members.last(where: { $0.key == key })?.value }

    func refusal(_ key: String, _ problem: String) -> BankError {
        text.refusal(at: "\(place), field \"\(path)\(key)\"", problem)
    }

    func require(_ key: String, _ kind: String) throws -> JSONValue {
        guard let value = value(key) else { throw refusal(key, "the required field is missing (expected \(kind))") }
        return value
    }

    func string(_ key: String) throws -> String {
        let value = try require(key, "a string")
        guard let string = value.stringValue else { throw refusal(key, "expected a string, found \(value.kindDescription)") }
        return string
    }

    func bool(_ key: String) throws -> Bool {
        let value = try require(key, "true or false")
        guard let flag = value.boolValue else { throw refusal(key, "expected true or false, found \(value.kindDescription)") }
        return flag
    }

    func number(_ key: String) throws -> Double {
        let value = try require(key, "a number")
        return try finite(key, value)
    }

    func array(_ key: String) throws -> [JSONValue] {
        let value = try require(key, "an array")
        guard let array = value.arrayValue else { throw refusal(key, "expected an array, found \(value.kindDescription)") }
        return array
    }

    /// Absent or null → nil; a string → it; anything else refused.
    func optionalString(_ key: String) throws -> String? {
        guard let value = value(key), !value.isNull else { return nil }
        guard let string = value.stringValue else {
            throw refusal(key, "expected a string or null, found \(value.kindDescription)")
        }
        return string
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = value(key), !value.isNull else { return nil }
        guard let flag = value.boolValue else {
            throw refusal(key, "expected true, false or null, found \(value.kindDescription)")
        }
        return flag
    }

    func optionalNumber(_ key: String) throws -> Double? {
        guard let value = value(key), !value.isNull else { return nil }
        return try finite(key, value, orNull: true)
    }

    func optionalInteger(_ key: String) throws {
        guard let value = value(key), !value.isNull else { return }
        guard value.isIntegerLiteral else {
            throw refusal(key, "expected a whole number or null, found \(value.kindDescription)")
        }
    }

    /// Absent or null → nil; an array of strings → it; anything else refused.
    func optionalStrings(_ key: String) throws -> [String]? {
        guard let value = value(key), !value.isNull else { return nil }
        guard let array = value.arrayValue else {
            throw refusal(key, "expected an array of strings, found \(value.kindDescription)")
        }
        return try array.enumerated().map { index, element in
            guard let string = element.stringValue else {
                throw refusal("\(key)[\(index)]", "expected a string, found \(element.kindDescription)")
            }
            return string
        }
    }

    private func finite(_ key: String, _ value: JSONValue, orNull: Bool = false) throws -> Double {
        guard let number = value.doubleValue else {
            throw refusal(key, "expected a number\(orNull ? " or null" : ""), found \(value.kindDescription)")
        }
        guard number.isFinite else { throw refusal(key, "the number is too large to represent") }
        return number
    }

    /// Reads an embedding: a non-empty array of finite numbers.
    static func embedding(_ value: JSONValue, refuse: (String) -> BankError) throws -> EmbeddingVector {
        guard let array = value.arrayValue else {
            throw refuse("expected an embedding (an array of numbers), found \(value.kindDescription)")
        }
        guard !array.isEmpty else { throw refuse("the embedding is an empty array; expected an array of numbers") }
        var numbers: [Double] = []
        numbers.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            guard let number = element.doubleValue else {
                throw refuse("element \(index) of the embedding is \(element.kindDescription), not a number")
            }
            guard number.isFinite else { throw refuse("element \(index) of the embedding is too large to represent") }
            numbers.append(number)
        }
        return EmbeddingVector(exactly: numbers)
    }
}

/// The header fields of a request received by ``StubHTTPServer``, in arrival order, with case-insensitive lookup.
public struct StubHeaders: Sendable, Equatable, Sequence {
    /// The fields as received, `(name, value)`, names spelled as the client sent them.
    public let fields: [StubHeaderField]

    /// Creates headers from fields.
    public init(_ fields: [StubHeaderField]) {
        self.fields = fields
    }

    /// The value of the first field with this name (any capitalisation), or `nil`.
    public subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// Every value of fields with this name (any capitalisation), in order.
    public func values(for name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Iterates the fields in arrival order.
    public func makeIterator() -> IndexingIterator<[StubHeaderField]> {
        fields.makeIterator()
    }
}

/// One header field of a ``StubRequest``.
public struct StubHeaderField: Sendable, Equatable {
    /// The name as the client spelled it.
    public let name: String
    /// The value, surrounding spaces removed.
    public let value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

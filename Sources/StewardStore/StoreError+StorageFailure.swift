import StewardRuntime

extension StoreError: StorageFailure {
    /// True for the errors of the database itself (it cannot be opened, read or written, or is
    /// damaged); false for an unknown, duplicate or ambiguous ticket id.
    public var isStorageFailure: Bool {
        switch self {
        case .cannotOpen, .missingDatabase, .migrationFailed, .newerSchema, .operationFailed, .unreadableRecord:
            return true
        default:
            // An unknown, duplicate or ambiguous ticket id: the request, not the storage.
            return false
        }
    }
}

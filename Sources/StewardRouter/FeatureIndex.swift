/// An open-addressing hash map from a non-zero `UInt64` feature to a dense row number.
///
/// The language detector looks up a few hundred features per message; a flat table with linear
/// probing and Fibonacci hashing keeps that to a few nanoseconds each.
struct FeatureIndex: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var shift: UInt64
    private var mask: Int
    /// How many features the index holds; rows are numbered 0..<count.
    private(set) var count = 0

    /// An empty index sized for `capacity` features before it grows.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        rows = [Int32](repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        mask = size - 1
    }

    /// The row of `key`, or nil when the index does not hold it.
    @inline(__always) func row(_ key: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return Int(rows[slot]) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The row of `key`, adding it with the next row number when it is new.
    mutating func insert(_ key: UInt64) -> (row: Int, isNew: Bool) {
        precondition(key != 0, "feature 0 is the empty slot")
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return (Int(rows[slot]), false) }
            if found == 0 {
                keys[slot] = key
                rows[slot] = Int32(count)
                count += 1
                return (count - 1, true)
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        var bigger = FeatureIndex(capacity: keys.count)
        for (slot, key) in keys.enumerated() where key != 0 {
            bigger.place(key, row: rows[slot])
        }
        bigger.count = count
        self = bigger
    }

    private mutating func place(_ key: UInt64, row: Int32) {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        rows[slot] = row
    }
}

/// An open-addressing hash table from a non-zero `UInt64` feature to a fixed number of 32-bit
/// values (a count, then a log-probability, per language), stored next to the key.
///
/// The language detector touches a few hundred features per message and about a million while
/// building its profiles; keeping each key and its values in one slot (linear probing, Fibonacci
/// hashing) makes that one cache miss per feature rather than three.
struct FeatureIndex: Sendable {
    /// Each slot: the key as two `UInt32`s (0 = empty), then `width` values.
    private var storage: [UInt32]
    /// 32-bit values per key.
    let width: Int
    private let stride: Int
    private var shift: UInt64
    private var mask: Int
    /// How many keys the table holds.
    private(set) var count = 0

    /// An empty table of `width` values per key, sized for `capacity` keys before it grows.
    init(width: Int, capacity: Int = 1024) {
        var slots = 16
        while slots * 7 < capacity * 10 { slots <<= 1 }
        self.width = width
        stride = width + 2
        storage = [UInt32](repeating: 0, count: slots * stride)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        mask = slots - 1
    }

    private var slotCount: Int { mask + 1 }

    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Calls `body` with the values of `key` when the table holds it.
    @inline(__always) func withValues(of key: UInt64, _ body: (UnsafeBufferPointer<UInt32>) -> Void) {
        let low = UInt32(truncatingIfNeeded: key), high = UInt32(truncatingIfNeeded: key >> 32)
        storage.withUnsafeBufferPointer { table in
            var slot = home(key)
            while true {
                let base = slot * stride
                let a = table[base], b = table[base + 1]
                if a == low && b == high {
                    body(UnsafeBufferPointer(rebasing: table[(base + 2)..<(base + 2 + width)]))
                    return
                }
                if a == 0 && b == 0 { return }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds 1 to value `column` of `key`, adding the key (all values 0) when it is new.
    mutating func increment(_ key: UInt64, column: Int) {
        precondition(key != 0, "feature 0 marks an empty slot")
        if (count + 1) * 10 > slotCount * 7 { grow() }
        let low = UInt32(truncatingIfNeeded: key), high = UInt32(truncatingIfNeeded: key >> 32)
        let (stride, mask) = (self.stride, self.mask)
        var slot = home(key)
        let added = storage.withUnsafeMutableBufferPointer { table in
            while true {
                let base = slot * stride
                let a = table[base], b = table[base + 1]
                if a == low && b == high {
                    table[base + 2 + column] &+= 1
                    return false
                }
                if a == 0 && b == 0 {
                    table[base] = low
                    table[base + 1] = high
                    table[base + 2 + column] = 1
                    return true
                }
                slot = (slot + 1) & mask
            }
        }
        if added { count += 1 }
    }

    /// Replaces every key's values with `transform(values)`.
    mutating func transformValues(_ transform: (inout UnsafeMutableBufferPointer<UInt32>) -> Void) {
        let (stride, width) = (self.stride, self.width)
        storage.withUnsafeMutableBufferPointer { table in
            for slot in 0..<(table.count / stride) {
                let base = slot * stride
                guard table[base] != 0 || table[base + 1] != 0 else { continue }
                var values = UnsafeMutableBufferPointer(rebasing: table[(base + 2)..<(base + 2 + width)])
                transform(&values)
            }
        }
    }

    private mutating func grow() {
        var bigger = FeatureIndex(width: width, capacity: count * 2)
        let (stride, newMask) = (self.stride, bigger.mask)
        let homes = { (key: UInt64) in bigger.home(key) }
        var target = bigger.storage
        bigger.storage = []
        storage.withUnsafeBufferPointer { table in
            target.withUnsafeMutableBufferPointer { target in
                for slot in 0..<(table.count / stride) {
                    let base = slot * stride
                    guard table[base] != 0 || table[base + 1] != 0 else { continue }
                    let key = UInt64(table[base]) | (UInt64(table[base + 1]) << 32)
                    var to = homes(key)
                    while target[to * stride] != 0 || target[to * stride + 1] != 0 { to = (to + 1) & newMask }
                    for offset in 0..<stride { target[to * stride + offset] = table[base + offset] }
                }
            }
        }
        bigger.storage = target
        bigger.count = count
        self = bigger
    }
}

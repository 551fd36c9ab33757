import Foundation
import GRDB

/// Text reaches SQLite with every byte, NUL and other control characters included.
///
/// GRDB binds a Swift `String` with `sqlite3_bind_text(…, -1, …)` (the length taken as "up to the
/// first NUL") and reads a TEXT value with `String(cString:)` (likewise): `"s-42\u{0}x"` would be
/// written, compared and read as `s-42`, another customer's session, and a message's text cut at its
/// first NUL. So every text argument goes through ``Swift/String/fullLength`` and every placeholder that
/// takes one is written `CAST(? AS TEXT)`, and every text column read back is selected as
/// `CAST(column AS BLOB)`:
///
/// - A string without NUL binds as itself (GRDB's binding is exact for it).
/// - A string with a NUL binds as its UTF-8 bytes (a blob, bound with its byte count), which
///   `CAST(? AS TEXT)` turns into TEXT byte for byte (<https://www.sqlite.org/lang_expr.html#castexpr>:
///   a BLOB cast to TEXT is its bytes read as text), so the column stays TEXT and compares as text.
/// - `CAST(column AS BLOB)` hands the whole stored value back as bytes, which ``String`` reads as UTF-8.
extension String {
    /// This text as an SQL argument bound with its full length; use it with a `CAST(? AS TEXT)` placeholder.
    var fullLength: any DatabaseValueConvertible {
        utf8.contains(0) ? Data(utf8) : self
    }
}

extension Optional where Wrapped == String {
    /// The text as an SQL argument bound with its full length, or NULL.
    var fullLength: (any DatabaseValueConvertible)? {
        map(\.fullLength)
    }
}

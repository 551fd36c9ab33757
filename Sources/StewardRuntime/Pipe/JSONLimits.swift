/// The limits `steward pipe` puts on valid JSON beyond what JSON itself says.
///
/// JSON (RFC 8259, section 6) leaves number range and nesting depth to the reader; Steward reads numbers
/// as 64-bit floating point (so a number must be finite there: at most about ±1.8e308; smaller magnitudes
/// such as `1e-400` round to 0) and objects and arrays nested at most ``maxDepth`` deep. A line that
/// breaks either is answered with an error saying which, not "not valid JSON". ``StrictJSON`` checks both
/// in its one pass over the line.
package enum JSONLimits {
    /// The deepest nesting of objects and arrays read; the top-level object counts as 1.
    package static let maxDepth = 64

    /// The error line for a line that breaks a limit, or nil when it breaks none (or is not JSON even
    /// within the limits, which is `invalid_json`, or breaks another rule first).
    ///
    /// - `nesting_too_deep`: "The line nests objects and arrays deeper than 64 levels; …".
    /// - `number_out_of_range`: "The number 1e400 in field `customer.age` is out of range; …", with the
    ///   line's `session` and `id` when the line, the number aside, is a readable message.
    package static func error(for bytes: ArraySlice<UInt8>, line: Int) -> PipeLineError? {
        let (value, problem) = StrictJSON.read(bytes)
        switch problem {
        case .tooDeep?, .numberOutOfRange?: return problem.map { JSONProblem.error($0, value: value, line: line) }
        default: return nil
        }
    }
}

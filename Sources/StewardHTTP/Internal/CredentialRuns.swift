import Foundation

/// Finds credential-like runs in text a vendor sent, and decodes text the way a vendor may have
/// encoded an echoed secret; used by ``SecretRedactor`` (whose documentation states the rules).
enum CredentialRuns {
    /// The characters of tokens, Base64, hex and their escapes: `[A-Za-z0-9+/=_%\\&#;.-]`.
    static func isRunCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "+/=_%\\&#;.-".utf8.contains(byte)
        }
    }

    /// The shortest run redacted for its look alone (letters mixed with digits, or escapes).
    static let minimumRun = 16
    /// The length of a piece of a secret (or of its Base64) that marks any run holding it.
    static let window = 12

    /// The lower-cased `window`-character pieces of `forms` (a secret and its Base64 forms).
    static func windows(of forms: [String]) -> Set<[UInt8]> {
        var pieces = Set<[UInt8]>()
        for form in forms {
            let bytes = Array(form.lowercased().utf8)
            guard bytes.count >= window else { continue }
            for start in 0...(bytes.count - window) { pieces.insert(Array(bytes[start..<(start + window)])) }
        }
        return pieces
    }

    /// `text` with every credential-like run replaced by `placeholder`: a run of ``isRunCharacter(_:)``
    /// characters of at least ``minimumRun`` that mixes letters and digits or holds an escape (`%4B`,
    /// `\u0067`, `&#103;`); any run holding ``window`` consecutive characters of `windows` (case-insensitive);
    /// and a run of 4 or more that follows a redacted run across a line break (Base64 wrapped at CRLF).
    static func redact(_ text: String, windows: Set<[UInt8]>, placeholder: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var lastRedactedEnd: Int?
        while index < bytes.count {
            guard isRunCharacter(bytes[index]) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isRunCharacter(bytes[end]) { end += 1 }
            let run = bytes[index..<end]
            let afterBreak = lastRedactedEnd.map { previous in
                previous < index && bytes[previous..<index].allSatisfy { $0 == 0x0D || $0 == 0x0A || $0 == 0x20 || $0 == 0x09 }
                    && bytes[previous..<index].contains { $0 == 0x0A || $0 == 0x0D }
            } ?? false
            if looksLikeCredential(run) || holdsPiece(run, of: windows) || (afterBreak && run.count >= 4) {
                out += Array(placeholder.utf8)
                lastRedactedEnd = end
            } else {
                out += run
            }
            index = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func looksLikeCredential(_ run: ArraySlice<UInt8>) -> Bool {
        guard run.count >= minimumRun else { return false }
        let letters = run.contains { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        let digits = run.contains { (0x30...0x39).contains($0) }
        if letters && digits { return true }
        let escapes = run.contains(UInt8(ascii: "%")) || run.contains(UInt8(ascii: "\\")) || run.contains(UInt8(ascii: "&"))
        return escapes
    }

    static func holdsPiece(_ run: ArraySlice<UInt8>, of windows: Set<[UInt8]>) -> Bool {
        guard !windows.isEmpty, run.count >= window else { return false }
        let lowered = run.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        for start in 0...(lowered.count - window) where windows.contains(Array(lowered[start..<(start + window)])) {
            return true
        }
        return false
    }

    /// `text` decoded the ways a vendor may echo a value, repeatedly (at most 4 rounds) until nothing
    /// changes: percent-escapes (either hex case, so `%252B` → `%2B` → `+`), `\uXXXX` escapes, HTML
    /// entities (`&#103;`, `&#x67;`, `&amp;` …), line breaks removed; then lower-cased.
    static func decodedView(_ text: String) -> String {
        var current = text
        for _ in 0..<4 {
            let next = decodeOnce(current)
            if next == current { break }
            current = next
        }
        return current.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "").lowercased()
    }

    private static func decodeOnce(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 0x30...0x39: UInt32(byte - 0x30)
            case 0x41...0x46: UInt32(byte - 0x41 + 10)
            case 0x61...0x66: UInt32(byte - 0x61 + 10)
            default: nil
            }
        }
        func append(scalar value: UInt32) {
            if let scalar = Unicode.Scalar(value) { out += Array(String(Character(scalar)).utf8) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                out.append(UInt8(high * 16 + low))
                index += 3
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 5 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") || bytes[index + 1] == UInt8(ascii: "U") {
                let digits = bytes[(index + 2)..<(index + 6)].compactMap(hex)
                if digits.count == 4 {
                    append(scalar: digits.reduce(0) { $0 * 16 + $1 })
                    index += 6
                    continue
                }
            }
            if byte == UInt8(ascii: "&"), let semicolon = bytes[index..<min(bytes.count, index + 12)].firstIndex(of: UInt8(ascii: ";")) {
                let entity = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self).lowercased()
                var value: UInt32?
                if entity.hasPrefix("#x") { value = UInt32(entity.dropFirst(2), radix: 16) }
                else if entity.hasPrefix("#") { value = UInt32(entity.dropFirst()) }
                else { value = ["amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "sol": 0x2F, "plus": 0x2B, "equals": 0x3D][entity] }
                if let value, value < 0x110000 {
                    append(scalar: value)
                    index = semicolon + 1
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

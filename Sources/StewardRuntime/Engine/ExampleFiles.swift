import Foundation

/// Reads training examples kept as files: `<folder>/<lang>/<intent>.txt`.
///
/// Layout, as a skill author sees it in the skill's folder:
///
/// ```text
/// Skills/Returns/examples/en/return_start.txt
/// Skills/Returns/examples/pl/return_start.txt
/// ```
///
/// - `<lang>` is an ISO 639-1 code in lower case (`en`, `pl`, `sv`, `ko`, `de`, `es`, `fr`, …).
/// - One utterance per line, UTF-8. A line starting with `#` followed by anything but a digit is a
///   comment (so `#1001 hasn't arrived` is an utterance); blank lines are ignored; surrounding
///   spaces and tabs are trimmed; a line repeated in the same file (ignoring the case of A-Z) counts once.
public enum ExampleFiles {
    /// The examples under `folder`, by intent and then by language. A missing folder gives no examples.
    ///
    /// - Throws: ``ExampleFilesError`` naming the file when a folder is not a language code, a file
    ///   is not `.txt`, or a file is not UTF-8.
    public static func read(folder: URL) throws(ExampleFilesError) -> [String: [String: [String]]] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [:] }
        var result: [String: [String: [String]]] = [:]
        let languages = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for language in languages {
            let languageURL = folder.appendingPathComponent(language)
            guard fm.fileExists(atPath: languageURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .notInLanguageFolder(path: languageURL.path)
            }
            guard isLanguageCode(language) else { throw .badLanguage(path: languageURL.path, name: language) }
            let files = ((try? fm.contentsOfDirectory(atPath: languageURL.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for file in files {
                let url = languageURL.appendingPathComponent(file)
                guard file.hasSuffix(".txt") else { throw .notText(path: url.path) }
                guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    throw .unreadable(path: url.path)
                }
                let intent = String(file.dropLast(4))
                result[intent, default: [:]][language, default: []] += lines(of: text)
            }
        }
        return result
    }

    /// The utterances of one file's text: trimmed, without comments, blank lines or repeats.
    public static func lines(of text: String) -> [String] {
        var seen = Set<UInt64>()
        var result: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A || bytes[end] == 0x0D {
                defer { start = end + 1 }
                var a = start
                var b = end
                while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
                while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
                guard b > a else { continue }
                // Comments: `#` then anything but a digit.
                if bytes[a] == UInt8(ascii: "#"), a + 1 == b || !(0x30...0x39).contains(bytes[a + 1]) { continue }
                // Repeats are found by a hash of the line's bytes with ASCII letters folded to lower case
                // (hashing Strings would normalise every non-ASCII line, the slow part of reading examples).
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in bytes[a..<b] {
                    hash = (hash ^ UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01b3
                }
                guard seen.insert(hash).inserted else { continue }
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
            }
        }
        return result
    }

    /// `#` then a non-digit (or nothing): a comment. `#1001 …` is an order number.
    public static func isComment(_ line: String) -> Bool {
        guard line.first == "#" else { return false }
        guard let next = line.dropFirst().first else { return true }
        return !next.isNumber
    }

    public static func isLanguageCode(_ name: String) -> Bool {
        name.count == 2 && name.allSatisfy { $0.isASCII && $0.isLowercase }
    }
}

/// A problem with an example file.
public enum ExampleFilesError: Error, Sendable, Hashable, CustomStringConvertible {
    case notInLanguageFolder(path: String)
    case badLanguage(path: String, name: String)
    case notText(path: String)
    case unreadable(path: String)

    public var description: String {
        switch self {
        case .notInLanguageFolder(let path):
            "\(path): example files go in a folder named by language, e.g. examples/en/<intent>.txt."
        case .badLanguage(let path, let name):
            "\(path): `\(name)` is not a language code; name the folder with a two-letter ISO 639-1 code such as en, pl, sv, ko, de, es or fr."
        case .notText(let path): "\(path): example files are named <intent>.txt, one utterance per line."
        case .unreadable(let path): "\(path) could not be read as UTF-8 text."
        }
    }
}

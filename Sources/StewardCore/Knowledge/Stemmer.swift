internal import CStemmer
import Synchronization

/// A Snowball stemmer for one language, from the system's libstemmer.
///
/// Stemming reduces inflected words to a common stem, so a question and a passage match
/// across word forms: "deliveries" and "delivered" both become "deliv", "Rücksendungen" and
/// "Rücksendung" both "rucksend". The algorithms are Snowball's (https://snowballstem.org),
/// through Debian's `libstemmer-dev`.
///
/// A stemmer may be shared between tasks: libstemmer's instances are not thread-safe, so
/// every call holds a lock around the one instance it owns.
public struct Stemmer: Sendable {
    /// The language or algorithm name the stemmer was created with, e.g. `sv` or `swedish`.
    public let language: String
    private let instance: Instance

    /// A stemmer for a language, or nil when Snowball has no algorithm for it.
    ///
    /// - Parameter language: An ISO 639 code (`en`, `sv`, `de`, `es`, `fr`, ...) or a Snowball
    ///   algorithm name (`english`, `porter`, ...), lower case. Polish and Korean have none.
    public init?(language: String) {
        guard let instance = Instance(language: language) else { return nil }
        self.language = language
        self.instance = instance
    }

    /// The Snowball algorithms the installed libstemmer provides, e.g. `english`, `swedish`.
    public static var algorithms: [String] {
        guard let list = sb_stemmer_list() else { return [] }
        var names: [String] = []
        var index = 0
        while let name = list[index] {
            names.append(String(cString: name))
            index += 1
        }
        return names
    }

    /// The stem of one word.
    ///
    /// - Parameter word: A lower-case word (Snowball's algorithms expect lower case).
    /// - Returns: The stem, or the word itself when libstemmer fails (out of memory).
    public func stem(_ word: String) -> String {
        stem([word])[0]
    }

    /// The stems of several words, in order, taking the lock once.
    ///
    /// - Parameter words: Lower-case words.
    public func stem(_ words: [String]) -> [String] {
        instance.mutex.withLock { pointer in
            words.map { word in
                let bytes = Array(word.utf8)
                let result = bytes.withUnsafeBufferPointer { buffer -> String? in
                    guard let base = buffer.baseAddress, let stemmed = sb_stemmer_stem(pointer, base, Int32(buffer.count)) else {
                        return nil
                    }
                    let length = Int(sb_stemmer_length(pointer))
                    return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
                }
                return result ?? word
            }
        }
    }

    /// Owns one `sb_stemmer` and frees it with the last copy of the ``Stemmer``.
    private final class Instance: Sendable {
        let mutex: Mutex<OpaquePointer>

        init?(language: String) {
            guard let pointer = sb_stemmer_new(language, nil) else { return nil }
            mutex = Mutex(pointer)
        }

        deinit {
            mutex.withLock { sb_stemmer_delete($0) }
        }
    }
}

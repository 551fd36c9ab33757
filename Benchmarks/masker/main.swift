import Foundation
let corpus = try! String(contentsOfFile: "/tmp/mbench/corpus.txt", encoding: .utf8).split(separator: "\n").map(String.init)
var total = 0
let rounds = 60
let start = Date()
for _ in 0..<rounds { for text in corpus { total &+= SecretMasker.mask(text).utf8.count } }
let seconds = Date().timeIntervalSince(start)
print("\(corpus.count * rounds) messages in \(String(format: "%.2f", seconds)) s: \(Int(Double(corpus.count * rounds) / seconds)) messages/s (checksum \(total))")

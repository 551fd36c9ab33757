// StewardHTTP benchmark: parallelism through the multi interface, and resource stability.
//
// 1. Burst: N concurrent GETs (default 200) against a loopback stub that answers after 50 ms.
//    Serial would be N × 50 ms; the target is "well under 1 s".
// 2. Soak: 10,000 requests (mostly 200s, plus 404s, 500s on POST, dropped connections and
//    a few client-side timeouts) with bounded concurrency; open file descriptors
//    (/proc/self/fd) and RSS (/proc/self/status) are sampled before, during and after.
//
// The stub server runs in the same process, so the figures include its sockets and threads too.

import Foundation
import StewardHTTP
import StewardTesting

struct Options {
    var concurrency = 200
    var delayMilliseconds = 50
    var rounds = 5
    var soak = 10_000
    var soakConcurrency = 32
    var errors = 1
    var serveOnly = false
    var remotePort = 0

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            if flag == "--serve" {
                serveOnly = true
                continue
            }
            let value = iterator.next().flatMap(Int.init) ?? 0
            switch flag {
            case "--remote-port": remotePort = value
            case "--concurrency": concurrency = value
            case "--delay-ms": delayMilliseconds = value
            case "--rounds": rounds = value
            case "--soak": soak = value
            case "--soak-concurrency": soakConcurrency = value
            case "--errors": errors = value
            default:
                print("usage: http-bench [--concurrency N] [--delay-ms MS] [--rounds N] [--soak N] [--soak-concurrency N] [--errors 0|1] [--serve | --remote-port PORT]")
                exit(2)
            }
        }
    }
}

func openDescriptors() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
}

func residentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
    return -1
}

func threadCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? -1
}

func milliseconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
}

let options = Options(arguments: CommandLine.arguments)
let delay = Double(options.delayMilliseconds) / 1000

let server = try StubHTTPServer { request in
    switch request.path {
    case "/slow": return .delay(delay, then: .json(#"{"ok":true}"#))
    case "/missing": return .json(#"{"errors":"Not Found"}"#, status: 404)
    case "/fail": return .json(#"{"errors":"Internal error"}"#, status: 500)
    case "/drop": return .dropConnection
    case "/hang": return .delay(2, then: .json("{}"))
    default: return .json(##"{"orders":[{"id":450789469,"name":"#1001","financial_status":"paid"}]}"##)
    }
}
if options.serveOnly {
    print("stub listening on \(server.baseURLString)")
    fflush(nil)
    while true { try await Task.sleep(for: .seconds(3600)) }
}
/// Where requests go: the in-process stub, or one started with `--serve` in another process,
/// so that the client's descriptors and memory can be measured on their own.
let base = options.remotePort > 0 ? "http://127.0.0.1:\(options.remotePort)" : server.baseURLString
func target(_ path: String) -> String { base + path }
let client = HTTPClient()

// MARK: Burst

print("## Burst: \(options.concurrency) concurrent GETs, stub answers after \(options.delayMilliseconds) ms")
print("serial lower bound: \(options.concurrency * options.delayMilliseconds) ms")
var burstTimes: [Double] = []
for round in 0...options.rounds {  // round 0 warms up (connection setup)
    let started = ContinuousClock.now
    let ok = await withTaskGroup(of: Bool.self) { group in
        for _ in 0..<options.concurrency {
            group.addTask { (try? await client.send(HTTPRequest(url: target("/slow"))))?.status == 200 }
        }
        var ok = 0
        for await success in group where success { ok += 1 }
        return ok
    }
    let elapsed = milliseconds(ContinuousClock.now - started)
    print(String(format: "round %d: %d/%d ok in %.0f ms%@", round, ok, options.concurrency, elapsed, round == 0 ? " (warm-up, fresh connections)" : ""))
    if round > 0 { burstTimes.append(elapsed) }
}
burstTimes.sort()
if !burstTimes.isEmpty {
    print(String(format: "burst wall time: min %.0f ms, median %.0f ms, max %.0f ms", burstTimes.first!, burstTimes[burstTimes.count / 2], burstTimes.last!))
}
if options.remotePort == 0 { print("stub connections accepted so far: \(server.connectionCount)") }

// MARK: Soak

print("\n## Soak: \(options.soak) requests, \(options.soakConcurrency) in flight")
func soakRequest(_ index: Int) -> HTTPRequest {
    switch options.errors == 0 ? 99 : index % 100 {
    case 0..<3: return HTTPRequest(url: target("/missing"))
    case 3..<5: return HTTPRequest(method: .post, url: target("/fail"), body: Array("{}".utf8))
    case 5: return HTTPRequest(method: .post, url: target("/drop"), body: [])
    case 6 where index % 1000 == 6: return HTTPRequest(url: target("/hang"), timeout: .milliseconds(20))
    default: return HTTPRequest(url: target("/orders.json?status=any&index=\(index)"))
    }
}

func runSoak(_ range: Range<Int>) async -> (ok: Int, failed: Int) {
    await withTaskGroup(of: Bool.self) { group in
        var next = range.lowerBound
        var ok = 0
        var failed = 0
        while next < range.upperBound, next < range.lowerBound + options.soakConcurrency {
            let request = soakRequest(next)
            group.addTask { (try? await client.send(request)) != nil }
            next += 1
        }
        for await success in group {
            if success { ok += 1 } else { failed += 1 }
            if next < range.upperBound {
                let request = soakRequest(next)
                group.addTask { (try? await client.send(request)) != nil }
                next += 1
            }
        }
        return (ok, failed)
    }
}

_ = await runSoak(0..<1_000)  // warm-up so pools, caches and allocator arenas reach steady state
server.clearRequests()
let fdBefore = openDescriptors()
let rssBefore = residentKilobytes()
let threadsBefore = threadCount()
print("before: fds \(fdBefore), RSS \(rssBefore) KiB, threads \(threadsBefore)")
let soakStarted = ContinuousClock.now
var done = 0
var totalOK = 0
var totalFailed = 0
let checkpoints = Set([options.soak / 10, options.soak / 2, options.soak])
var step = options.soak / 10
if step == 0 { step = options.soak }
while done < options.soak {
    let upper = min(options.soak, done + step)
    let (ok, failed) = await runSoak(done..<upper)
    totalOK += ok
    totalFailed += failed
    done = upper
    // The stub records every request; forget them so its log does not count as client growth.
    server.clearRequests()
    if checkpoints.contains(done) {
        print("after \(done): fds \(openDescriptors()), RSS \(residentKilobytes()) KiB, threads \(threadCount())")
    }
}
let soakElapsed = milliseconds(ContinuousClock.now - soakStarted)
// Let idle server threads for dropped connections wind down before the final sample.
try? await Task.sleep(for: .milliseconds(300))
let fdAfter = openDescriptors()
let rssAfter = residentKilobytes()
print("after: fds \(fdAfter), RSS \(rssAfter) KiB, threads \(threadCount())")
print(String(format: "soak: %d ok (2xx), %d failed as designed (404/500/drop/timeout) in %.0f ms = %.0f req/s", totalOK, totalFailed, soakElapsed, Double(options.soak) / soakElapsed * 1000))
print("delta: fds \(fdAfter - fdBefore), RSS \(rssAfter - rssBefore) KiB")
if options.remotePort == 0 { print("stub connections accepted in total: \(server.connectionCount)") }

client.shutdown()
server.stop()

internal import CCurl
import Foundation
import Synchronization

/// Runs every transfer of one ``HTTPClient`` on a dedicated thread through libcurl's multi interface.
///
/// Swift tasks never block: ``execute(_:)`` queues the transfer under a mutex, wakes the thread
/// with `curl_multi_wakeup`, and suspends on a continuation that the thread resumes when the
/// transfer ends. The thread loops over `curl_multi_perform` / `curl_multi_info_read` /
/// `curl_multi_poll`. Connections live in the multi handle's cache, so sequential requests to
/// one host reuse a connection, and `CURLMOPT_MAX_HOST_CONNECTIONS` bounds parallel ones.
///
/// `@unchecked Sendable`: the mutable queue state is inside `state` (a `Mutex`); `multi` is used
/// by the transfer thread only, except `curl_multi_wakeup`, which libcurl documents as callable
/// from any thread and which is only called under the mutex while the handle is still open.
/// `active` is touched by the transfer thread only.
final class CurlMultiLoop: @unchecked Sendable {
    private struct Pending: Sendable {
        var id: UInt64
        var spec: TransferSpec
        var continuation: CheckedContinuation<TransferOutcome, Never>
    }

    private struct State {
        var nextID: UInt64 = 0
        /// Transfers between `execute` and completion; only these can be cancelled.
        var live: Set<UInt64> = []
        var cancelRequested: Set<UInt64> = []
        var pending: [Pending] = []
        var stopping = false
        /// Set by the thread after `curl_multi_cleanup`; nobody may touch `multi` afterwards.
        var closed = false
    }

    private static let globalInit: Void = {
        _ = steward_curl_global_init_all()
    }()

    private let multi: UnsafeMutableRawPointer
    private let state = Mutex(State())
    /// Transfer-thread only: running transfers by easy handle.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init(maxConnectionsPerHost: Int) {
        _ = Self.globalInit
        guard let multi = curl_multi_init() else {
            fatalError("libcurl could not create a multi handle (out of memory?)")
        }
        self.multi = multi
        _ = steward_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        // Bound the idle-connection cache so long runs keep a stable number of descriptors.
        _ = steward_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(32, 2 * maxConnectionsPerHost))
        let thread = Thread { [self] in run() }
        thread.name = "steward.http"
        thread.start()
    }

    /// Runs one transfer to completion; cancelling the calling task aborts it.
    func execute(_ spec: TransferSpec) async -> TransferOutcome {
        let id: UInt64? = state.withLock { state in
            guard !state.stopping else { return nil }
            state.nextID += 1
            state.live.insert(state.nextID)
            return state.nextID
        }
        guard let id else { return .failure(.shutDown) }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let refusal: TransferFailure? = state.withLock { state in
                    if state.stopping || state.cancelRequested.contains(id) {
                        state.live.remove(id)
                        state.cancelRequested.remove(id)
                        return state.stopping ? .shutDown : .cancelled
                    }
                    state.pending.append(Pending(id: id, spec: spec, continuation: continuation))
                    if !state.closed { curl_multi_wakeup(multi) }
                    return nil
                }
                if let refusal { continuation.resume(returning: .failure(refusal)) }
            }
        } onCancel: {
            state.withLock { state in
                guard state.live.contains(id) else { return }
                state.cancelRequested.insert(id)
                if !state.closed { curl_multi_wakeup(multi) }
            }
        }
    }

    /// Stops the thread; running and queued transfers end with a shut-down failure.
    func stop() {
        state.withLock { state in
            guard !state.stopping else { return }
            state.stopping = true
            if !state.closed { curl_multi_wakeup(multi) }
        }
    }

    // MARK: Transfer thread

    private func run() {
        var running: Int32 = 0
        while true {
            let (incoming, cancelled, stopping) = state.withLock { state in
                let incoming = state.pending
                state.pending = []
                return (incoming, state.cancelRequested, state.stopping)
            }
            if stopping {
                for pending in incoming { finish(pending, .shutDown) }
                for transfer in Array(active.values) { finish(transfer, .failure(.shutDown)) }
                break
            }
            if !cancelled.isEmpty {
                for transfer in active.values where cancelled.contains(transfer.id) {
                    finish(transfer, .failure(.cancelled))
                }
            }
            for pending in incoming {
                if cancelled.contains(pending.id) {
                    finish(pending, .cancelled)
                } else {
                    start(pending)
                }
            }
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            var ready: Int32 = 0
            _ = curl_multi_poll(multi, nil, 0, 1000, &ready)
        }
        state.withLock { state in
            curl_multi_cleanup(multi)
            state.closed = true
        }
    }

    private func start(_ pending: Pending) {
        let transfer = CurlTransfer(id: pending.id, spec: pending.spec, continuation: pending.continuation)
        if let failure = transfer.configure() {
            finish(transfer, .failure(failure), added: false)
            return
        }
        guard let easy = transfer.easy else { return }
        let code = curl_multi_add_handle(multi, easy)
        guard code == CURLM_OK else {
            let reason = String(cString: curl_multi_strerror(code))
            finish(transfer, .failure(TransferFailure(kind: .connection, reason: reason)), added: false)
            return
        }
        active[easy] = transfer
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = active[easy]
            else { continue }
            let code = steward_multi_message_result(message)
            finish(transfer, transfer.outcome(for: code))
        }
    }

    private func finish(_ transfer: CurlTransfer, _ outcome: TransferOutcome, added: Bool = true) {
        if added, let easy = transfer.easy {
            _ = curl_multi_remove_handle(multi, easy)
            active[easy] = nil
        }
        transfer.cleanUp()
        complete(id: transfer.id, continuation: transfer.continuation, outcome: outcome)
    }

    private func finish(_ pending: Pending, _ failure: TransferFailure) {
        complete(id: pending.id, continuation: pending.continuation, outcome: .failure(failure))
    }

    private func complete(id: UInt64, continuation: CheckedContinuation<TransferOutcome, Never>, outcome: TransferOutcome) {
        state.withLock { state in
            state.live.remove(id)
            state.cancelRequested.remove(id)
        }
        continuation.resume(returning: outcome)
    }
}

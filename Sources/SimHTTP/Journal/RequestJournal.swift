import Foundation
import Synchronization

/// The last requests of the public API: a bounded ring, safe to use from any task.
///
/// It keeps at most `capacity` entries (the oldest goes when a new one comes) and bodies of at most
/// `bodyLimit` bytes each, so it holds about `capacity × (2 × bodyLimit + path and query)` bytes.
/// A capacity of 0 keeps nothing.
///
/// ```swift
/// let journal = RequestJournal(capacity: 1_000, bodyLimit: 4_096)
/// journal.record(entry)                                   // numbered 1, 2, 3, …
/// journal.entries(path: "/v1/global-sims", method: "GET")  // oldest first
/// journal.removeAll(enterpriseName: "Demo IoT Ltd")
/// ```
public final class RequestJournal: Sendable {
    /// The number of entries kept by default.
    public static let defaultCapacity = 1_000
    /// The bytes of each body kept by default.
    public static let defaultBodyLimit = 4_096

    /// The most entries kept.
    public let capacity: Int
    /// The most bytes kept of each request and response body.
    public let bodyLimit: Int

    private struct Ring {
        /// The entries; once full, `oldest` is the index of the oldest one.
        var storage: [JournalEntry] = []
        var oldest = 0
        var lastId = 0

        var ordered: [JournalEntry] { Array(storage[oldest...] + storage[..<oldest]) }
    }

    private let ring = Mutex(Ring())

    /// An empty journal; a negative capacity or limit counts as 0.
    public init(capacity: Int = RequestJournal.defaultCapacity, bodyLimit: Int = RequestJournal.defaultBodyLimit) {
        self.capacity = max(capacity, 0)
        self.bodyLimit = max(bodyLimit, 0)
    }

    /// Records `entry` with the next sequence number, dropping the oldest entry when full.
    public func record(_ entry: JournalEntry) {
        ring.withLock { ring in
            ring.lastId += 1
            guard capacity > 0 else { return }
            var entry = entry
            entry.id = ring.lastId
            if ring.storage.count < capacity {
                ring.storage.append(entry)
            } else {
                ring.storage[ring.oldest] = entry
                ring.oldest = (ring.oldest + 1) % capacity
            }
        }
    }

    /// The entries kept, oldest first; each filter that is given must match exactly (`path` as
    /// received or percent-decoded), and a nil filter matches every entry.
    public func entries(path: String? = nil, method: String? = nil, enterpriseName: String? = nil) -> [JournalEntry] {
        ring.withLock { $0.ordered }.filter { entry in
            (path == nil || entry.path == path || entry.path.removingPercentEncoding == path)
                && (method == nil || entry.method == method)
                && (enterpriseName == nil || entry.enterpriseName == enterpriseName)
        }
    }

    /// Removes the entries of `enterpriseName`, or every entry when it is nil. Numbering goes on.
    public func removeAll(enterpriseName: String? = nil) {
        ring.withLock { ring in
            ring.storage = enterpriseName.map { name in ring.ordered.filter { $0.enterpriseName != name } } ?? []
            ring.oldest = 0
        }
    }
}

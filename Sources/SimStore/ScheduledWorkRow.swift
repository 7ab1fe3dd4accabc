import GRDB
import SimCore

/// A row of table `scheduled_work`: one piece of pending work in columns of its own (format 3):
/// its sequence and due time, the tenant it belongs to, its kind and its arguments.
enum ScheduledWorkRow {
    /// The statement writing one piece of work (inserted or replaced).
    static let upsertSQL = """
        INSERT OR REPLACE INTO scheduled_work (sequence, due_ms, serial, enterprise, kind, key1, key2, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The statement writing one piece of work of an enterprise's own clock (table
    /// `own_scheduled_work`, keyed by enterprise and sequence), with the arguments of ``upsertSQL``.
    static let ownUpsertSQL = """
        INSERT OR REPLACE INTO own_scheduled_work (sequence, due_ms, serial, enterprise, kind, key1, key2, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The work of the enterprises' own clocks, in the columns of ``selectSQL``, by enterprise.
    static let ownSelectSQL =
        "SELECT sequence, due_ms, serial, enterprise, kind, key1, key2, number FROM own_scheduled_work ORDER BY enterprise, sequence"

    /// The columns read by ``entry(from:)``, in its order.
    static let selectSQL = "SELECT sequence, due_ms, serial, enterprise, kind, key1, key2, number FROM scheduled_work ORDER BY sequence"

    /// The arguments of ``upsertSQL`` for `entry`.
    static func arguments(for entry: ScheduledEntry) -> StatementArguments {
        guard case .tenant(let serial, let enterprise, let work) = entry.work else { return [] }
        let (kind, key1, key2, number): (String, String?, String?, Int64?) =
            switch work {
            case .batchStep(let jobId): ("batchStep", jobId, nil, nil)
            case .pushAttempt(let eventId): ("pushAttempt", eventId, nil, nil)
            case .noSessionCheck(let giccid, let sessionTime): ("noSessionCheck", giccid, nil, sessionTime.millisecondsSinceEpoch)
            case .smsDelivery(let smsMsgId): ("smsDelivery", smsMsgId, nil, nil)
            case .packageStart(let giccid, let orderId): ("packageStart", giccid, orderId, nil)
            case .packageExpiryWarning(let giccid, let orderId): ("packageExpiryWarning", giccid, orderId, nil)
            case .packageExpiry(let giccid, let orderId): ("packageExpiry", giccid, orderId, nil)
            case .backgroundTraffic(let generation): ("backgroundTraffic", nil, nil, Int64(generation))
            case .backgroundTrafficSlice(let generation, let after): ("backgroundTrafficSlice", after, nil, Int64(generation))
            }
        return [
            Int64(bitPattern: entry.sequence), entry.due.millisecondsSinceEpoch, Int64(bitPattern: serial), enterprise, kind, key1, key2, number,
        ]
    }

    /// The piece of work of a row of ``selectSQL``.
    /// - Throws: ``StoreError`` for an unknown kind or a missing argument.
    static func entry(from row: Row) throws -> ScheduledEntry {
        let sequence = UInt64(bitPattern: row[0] ?? 0)
        func refuse() -> StoreError { StoreError(message: "pending work \(sequence) is damaged") }
        guard let due: Int64 = row[1], let serial: Int64 = row[2], let enterprise: String = row[3], let kind: String = row[4] else { throw refuse() }
        let key1: String? = row[5]
        let key2: String? = row[6]
        let number: Int64? = row[7]
        let work: TenantWork
        switch (kind, key1, key2, number) {
        case ("batchStep", let jobId?, _, _): work = .batchStep(jobId: jobId)
        case ("pushAttempt", let eventId?, _, _): work = .pushAttempt(eventId: eventId)
        case ("noSessionCheck", let giccid?, _, let time?):
            work = .noSessionCheck(giccid: giccid, sessionTime: Timestamp(millisecondsSinceEpoch: time))
        case ("smsDelivery", let smsMsgId?, _, _): work = .smsDelivery(smsMsgId: smsMsgId)
        case ("packageStart", let giccid?, let orderId?, _): work = .packageStart(giccid: giccid, orderId: orderId)
        case ("packageExpiryWarning", let giccid?, let orderId?, _): work = .packageExpiryWarning(giccid: giccid, orderId: orderId)
        case ("packageExpiry", let giccid?, let orderId?, _): work = .packageExpiry(giccid: giccid, orderId: orderId)
        case ("backgroundTraffic", _, _, let generation?): work = .backgroundTraffic(generation: Int(clamping: generation))
        case ("backgroundTrafficSlice", let after?, _, let generation?):
            work = .backgroundTrafficSlice(generation: Int(clamping: generation), after: after)
        default: throw refuse()
        }
        return ScheduledEntry(
            sequence: sequence, due: Timestamp(millisecondsSinceEpoch: due),
            work: .tenant(serial: UInt64(bitPattern: serial), enterprise: enterprise, work: work))
    }
}

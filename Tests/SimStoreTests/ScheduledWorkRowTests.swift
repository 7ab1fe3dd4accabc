import GRDB
import SimCore
import Testing

@testable import SimStore

/// Pending work in its columns: every kind of work writes and reads back the same.
@Suite struct ScheduledWorkRowTests {
    static let kinds: [TenantWork] = [
        .batchStep(jobId: "0123456789abcdef0123456789abcdef"),
        .pushAttempt(eventId: "fedcba9876543210fedcba9876543210"),
        .noSessionCheck(giccid: "8944990000000000011", sessionTime: Timestamp(millisecondsSinceEpoch: 1_742_025_600_250)),
        .smsDelivery(smsMsgId: "00112233445566778899aabbccddeeff"),
        .packageStart(giccid: "8944990000000000011", orderId: "order-1"),
        .packageExpiryWarning(giccid: "8944990000000000011", orderId: "order-1"),
        .packageExpiry(giccid: "8944990000000000011", orderId: "order-1"),
        .backgroundTraffic(generation: 3),
        .backgroundTrafficSlice(generation: 3, after: "8944990000000000011"),
    ]

    @Test(arguments: kinds)
    func everyKindOfWorkReadsBackFromItsColumns(work: TenantWork) throws {
        // Given a piece of pending work written to the table's columns
        let entry = ScheduledEntry(
            sequence: 7, due: Timestamp(millisecondsSinceEpoch: 1_742_025_601_000), work: .tenant(serial: 3, enterprise: "Acme IoT", work: work))
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE scheduled_work (sequence INTEGER PRIMARY KEY, due_ms INTEGER, serial INTEGER, enterprise TEXT,
                    kind TEXT, key1 TEXT, key2 TEXT, number INTEGER)
                    """)
            try db.execute(sql: ScheduledWorkRow.upsertSQL, arguments: ScheduledWorkRow.arguments(for: entry))
        }
        // When it is read back, Then it is the same work
        let read = try database.read { db in try Row.fetchAll(db, sql: ScheduledWorkRow.selectSQL).map(ScheduledWorkRow.entry(from:)) }
        #expect(read == [entry])
    }
}

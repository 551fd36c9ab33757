import GRDB

extension Schema {
    /// Migration `v8-outbox-lease`: each outbox row can be claimed by one delivery worker at a time,
    /// across every process sharing the file (``OutboxLease``). `claimed_by` names the worker, `lease_until`
    /// (seconds since 1970) is when its claim lapses and another worker may take the row; both are NULL
    /// when nobody holds it. Rows written before this migration start unclaimed.
    static func outboxLease(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
                ALTER TABLE outbox ADD COLUMN lease_until REAL;
                """)
    }
}

import GRDB

/// The database schema, as named migrations applied in order.
///
/// Never edit a migration that has shipped: add a new one. Dates are stored as `REAL` seconds since
/// 1970 (`datetime(updated_at, 'unixepoch')` reads them in the sqlite3 shell); sessions and tickets are
/// stored as JSON next to the columns the queries need, and a session's turns as rows of `turn_log`
/// chained from `sessions.last_turn` back through `previous`.
enum Schema {
    /// The migrator that brings any older Steward database up to date.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 sessions, tickets, outbox, replies") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sessions (
                        id TEXT PRIMARY KEY NOT NULL,
                        channel TEXT NOT NULL,
                        customer_email TEXT,
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL,
                        routed_to_team INTEGER NOT NULL DEFAULT 0,
                        json TEXT NOT NULL
                    );
                    CREATE INDEX sessions_updated_at ON sessions(updated_at);
                    CREATE INDEX sessions_customer_email ON sessions(customer_email);

                    CREATE TABLE tickets (
                        id TEXT PRIMARY KEY NOT NULL,
                        session_id TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        status TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        customer_email TEXT,
                        customer_profile_id TEXT,
                        customer_name TEXT,
                        reason TEXT NOT NULL,
                        assignee TEXT,
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL,
                        external_provider TEXT,
                        external_id TEXT,
                        json TEXT NOT NULL
                    );
                    CREATE INDEX tickets_session ON tickets(session_id, created_at);
                    CREATE INDEX tickets_customer_email ON tickets(customer_email, channel, created_at);
                    CREATE INDEX tickets_customer_profile ON tickets(customer_profile_id, channel, created_at);
                    CREATE INDEX tickets_status ON tickets(status, created_at);

                    CREATE TABLE outbox (
                        ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
                        provider TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL NOT NULL,
                        last_error TEXT
                    );
                    CREATE INDEX outbox_next_attempt_at ON outbox(next_attempt_at);

                    CREATE TABLE replies (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                        session_id TEXT NOT NULL,
                        author TEXT NOT NULL,
                        text TEXT NOT NULL,
                        created_at REAL NOT NULL
                    );
                    CREATE INDEX replies_ticket ON replies(ticket_id);
                    """)
        }
        migrator.registerMigration("v2 session turns") { db in
            // Turns are appended one row each, so saving a session writes only what is new.
            try db.execute(
                sql: """
                    CREATE TABLE session_turns (
                        session_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        json TEXT NOT NULL,
                        PRIMARY KEY (session_id, position)
                    ) WITHOUT ROWID;
                    ALTER TABLE sessions ADD COLUMN turn_count INTEGER NOT NULL DEFAULT 0;
                    """
            )
        }
        migrator.registerMigration("v3 ticket turns") { db in
            // Turns added to an open ticket are appended one row each instead of rewriting the
            // ticket; reading a ticket folds them into its transcript, rewriting it folds them into `json`.
            try db.execute(
                sql: """
                    CREATE TABLE ticket_turns (
                        sequence INTEGER PRIMARY KEY,
                        ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                        json TEXT NOT NULL
                    );
                    CREATE INDEX ticket_turns_ticket ON ticket_turns(ticket_id, sequence);
                    """
            )
        }
        migrator.registerMigration("v4 turn log") { db in
            // Turns move to one log in the order they were written, each row linked to its
            // session's previous turn and the session to its last: appending a turn then writes the
            // log's last page instead of a page of its own conversation (many fewer pages per commit).
            try db.execute(
                sql: """
                    CREATE TABLE turn_log (
                        id INTEGER PRIMARY KEY,
                        session_id TEXT NOT NULL,
                        previous INTEGER,
                        json TEXT NOT NULL
                    );
                    INSERT INTO turn_log (session_id, json)
                        SELECT session_id, json FROM session_turns ORDER BY session_id, position;
                    UPDATE turn_log SET previous = id - 1
                        WHERE EXISTS (SELECT 1 FROM turn_log AS p WHERE p.id = turn_log.id - 1 AND p.session_id = turn_log.session_id);
                    ALTER TABLE sessions ADD COLUMN last_turn INTEGER;
                    CREATE INDEX turn_log_session_for_migration ON turn_log(session_id);
                    UPDATE sessions SET
                        last_turn = (SELECT MAX(id) FROM turn_log WHERE turn_log.session_id = sessions.id),
                        turn_count = (SELECT COUNT(*) FROM turn_log WHERE turn_log.session_id = sessions.id)
                        WHERE EXISTS (SELECT 1 FROM turn_log WHERE turn_log.session_id = sessions.id);
                    DROP INDEX turn_log_session_for_migration;
                    DROP TABLE session_turns;
                    """
            )
        }
        migrator.registerMigration("v5 answered messages, one ticket per person") { db in
            // The replies to recent message ids of each session, so a re-sent message gets the same
            // reply (the store keeps the newest `AnsweredMessage.retainedPerSession` per session). The
            // unique key serves both the lookup and the pruning (a session's rows, sorted by sequence).
            // `person_key` names the person of an SMS or WhatsApp ticket (one ticket per person);
            // the unique index makes a second ticket of one person on one channel impossible.
            // Tickets written before this migration have no key and are found by email, profile or session.
            try db.execute(
                sql: """
                    CREATE TABLE answered_messages (
                        sequence INTEGER PRIMARY KEY,
                        session_id TEXT NOT NULL,
                        message_id TEXT NOT NULL,
                        json TEXT NOT NULL,
                        UNIQUE (session_id, message_id)
                    );
                    ALTER TABLE tickets ADD COLUMN person_key TEXT;
                    CREATE UNIQUE INDEX tickets_person ON tickets(person_key, channel) WHERE person_key IS NOT NULL;
                    """
            )
        }
        migrator.registerMigration("v6-session-version") { db in
            // One writer per session across processes: `version` grows with every save of the session, and a
            // save checks the version its process loaded (a stale copy is refused, never written over the
            // file). `session_claims` holds the session a process is answering: another process waits until
            // the claim is released, or takes it over when its holder's process is gone (see SQLiteStore+Claims).
            try db.execute(
                sql: """
                    ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE session_claims (
                        session_id TEXT PRIMARY KEY NOT NULL,
                        owner TEXT NOT NULL,
                        host TEXT NOT NULL,
                        pid INTEGER NOT NULL,
                        claimed_at REAL NOT NULL
                    ) WITHOUT ROWID;
                    """
            )
        }
        migrator.registerMigration("v6-team-reply-queue") { db in
            // The team's replies are a queue: written `pending`, and turned `delivered` by exactly one process
            // in the transaction that stores the reply in the customer's session. Replies written before
            // this migration count as delivered (they were shown to a running session, or never will be).
            try db.execute(
                sql: """
                    ALTER TABLE replies ADD COLUMN status TEXT NOT NULL DEFAULT 'delivered';
                    ALTER TABLE replies ADD COLUMN delivered_at REAL;
                    CREATE INDEX replies_pending ON replies(session_id, sequence) WHERE status = 'pending';
                    """
            )
        }
        migrator.registerMigration("v6-verification-attempts") { db in
            // Failed order number and email checks (VerificationPolicy), counted per session, email and
            // order number over a window: one row per check, an index per key, and one on the time for pruning.
            try db.execute(
                sql: """
                    CREATE TABLE verification_attempts (
                        id INTEGER PRIMARY KEY,
                        session_id TEXT NOT NULL,
                        email TEXT NOT NULL,
                        order_number TEXT NOT NULL,
                        at REAL NOT NULL
                    );
                    CREATE INDEX verification_attempts_session ON verification_attempts(session_id, at);
                    CREATE INDEX verification_attempts_email ON verification_attempts(email, at);
                    CREATE INDEX verification_attempts_order ON verification_attempts(order_number, at);
                    CREATE INDEX verification_attempts_at ON verification_attempts(at);
                    """)
        }
        migrator.registerMigration("v7-person-channel-identity") { db in
            // One ticket per person on SMS and WhatsApp is now keyed by the person's channel identity
            // (PersonKey: `phone:…`, a verified `email:…`, `profile:…`, `session:…`). Keys written before
            // were an email nobody verified: dropped, so those tickets are never merged into again.
            // `ticket_turn_keys` holds a 64-bit hash of each turn a ticket holds (timestamp, role, text),
            // so adding a conversation's new turns to a person's ticket costs an index probe per turn
            // instead of reading and rewriting the whole transcript.
            try db.execute(
                sql: """
                    UPDATE tickets SET person_key = NULL WHERE person_key IS NOT NULL;
                    CREATE TABLE ticket_turn_keys (
                        ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                        turn_key INTEGER NOT NULL,
                        PRIMARY KEY (ticket_id, turn_key)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v8-outbox-lease", migrate: outboxLease)
        return migrator
    }()
}

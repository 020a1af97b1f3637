namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>The first schema. Times are microseconds since the Unix epoch (UTC); enums are stored by name.</summary>
internal static class SqliteSchemaV1
{
    public const string Sql = """
        -- Journey instances: the state is opaque JSON; next_due_at is the durable timeout table.
        CREATE TABLE instances (
            instance_id   TEXT    NOT NULL PRIMARY KEY,
            definition_id TEXT    NOT NULL,
            run_id        TEXT,
            customer_key  TEXT    NOT NULL,
            status        TEXT    NOT NULL,
            state_json    TEXT    NOT NULL,
            next_due_at   INTEGER,
            created_at    INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL,
            version       INTEGER NOT NULL
        );
        -- Only instances with a timer, in due order, covering what the pollers read: no scan, whatever the size.
        CREATE INDEX ix_instances_due ON instances (next_due_at, instance_id) WHERE next_due_at IS NOT NULL;
        CREATE INDEX ix_instances_run ON instances (run_id, instance_id) WHERE run_id IS NOT NULL;
        CREATE INDEX ix_instances_run_status ON instances (run_id, status) WHERE run_id IS NOT NULL;

        -- The stimulus bookmarks instances wait on (e.g. a reply from a customer), by hash.
        CREATE TABLE bookmarks (
            hash        TEXT NOT NULL,
            instance_id TEXT NOT NULL REFERENCES instances (instance_id) ON DELETE CASCADE,
            PRIMARY KEY (hash, instance_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_bookmarks_instance ON bookmarks (instance_id);

        -- The send ledger: one row per Send step execution, written before the vendor call.
        CREATE TABLE ledger (
            message_id       TEXT    NOT NULL PRIMARY KEY,
            instance_id      TEXT    NOT NULL,
            run_id           TEXT,
            activity_id      TEXT    NOT NULL,
            connection       TEXT    NOT NULL,
            recipient        TEXT    NOT NULL,
            send_state       TEXT    NOT NULL,
            delivery_status  TEXT    NOT NULL,
            vendor_status    TEXT,
            error_code       TEXT,
            detail           TEXT,
            attempts         INTEGER NOT NULL DEFAULT 0,
            delivery_reports INTEGER NOT NULL DEFAULT 0,
            delivery_at      INTEGER,
            created_at       INTEGER NOT NULL,
            updated_at       INTEGER NOT NULL,
            -- Set while the outcome is unknown and unsettled: since when. NULL otherwise, so the index stays small.
            unsettled_since  INTEGER,
            settled_at       INTEGER,
            settlement       TEXT
        );
        CREATE INDEX ix_ledger_unsettled ON ledger (unsettled_since, message_id) WHERE unsettled_since IS NOT NULL;

        CREATE TABLE ledger_settlements (
            id                INTEGER NOT NULL PRIMARY KEY,
            message_id        TEXT    NOT NULL REFERENCES ledger (message_id),
            decision          TEXT    NOT NULL,
            send_state_before TEXT    NOT NULL,
            at                INTEGER NOT NULL
        );
        CREATE INDEX ix_ledger_settlements_message ON ledger_settlements (message_id, id);

        -- Delivery reports for message ids the ledger does not know: kept, never an error.
        CREATE TABLE orphan_delivery_reports (
            id            INTEGER NOT NULL PRIMARY KEY,
            message_id    TEXT    NOT NULL,
            status        TEXT    NOT NULL,
            vendor_status TEXT,
            error_code    TEXT,
            detail        TEXT,
            recipient     TEXT,
            reported_at   INTEGER NOT NULL,
            received_at   INTEGER NOT NULL
        );
        CREATE INDEX ix_orphan_delivery_reports_message ON orphan_delivery_reports (message_id);

        -- Conversations per (sender, customer): the 24 hour window and opt-out.
        CREATE TABLE conversations (
            sender             TEXT    NOT NULL,
            customer           TEXT    NOT NULL,
            last_inbound_at    INTEGER,
            opted_out          INTEGER NOT NULL DEFAULT 0,
            opt_out_changed_at INTEGER,
            updated_at         INTEGER NOT NULL,
            PRIMARY KEY (sender, customer)
        ) WITHOUT ROWID;

        -- Inbound vendor message ids already recorded, for deduplication; purged after a retention.
        CREATE TABLE inbound_messages (
            vendor_message_id TEXT    NOT NULL PRIMARY KEY,
            sender            TEXT    NOT NULL,
            customer          TEXT    NOT NULL,
            received_at       INTEGER NOT NULL,
            recorded_at       INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_inbound_messages_recorded ON inbound_messages (recorded_at);

        -- Replies that arrived before the wait they answer was stored.
        CREATE TABLE held_replies (
            id            INTEGER NOT NULL PRIMARY KEY,
            bookmark_hash TEXT    NOT NULL,
            reply_json    TEXT    NOT NULL,
            held_at       INTEGER NOT NULL,
            held_until    INTEGER NOT NULL
        );
        CREATE INDEX ix_held_replies_hash ON held_replies (bookmark_hash);
        CREATE INDEX ix_held_replies_until ON held_replies (held_until);

        -- Campaign runs.
        CREATE TABLE runs (
            run_id           TEXT    NOT NULL PRIMARY KEY,
            definition_id    TEXT    NOT NULL,
            name             TEXT    NOT NULL,
            status           TEXT    NOT NULL,
            audience_name    TEXT,
            enrolment_cursor INTEGER NOT NULL DEFAULT 0,
            rows_rejected    INTEGER NOT NULL DEFAULT 0,
            created_at       INTEGER NOT NULL,
            updated_at       INTEGER NOT NULL
        );
        CREATE INDEX ix_runs_created ON runs (created_at DESC, run_id);

        CREATE TABLE run_rejected_rows (
            run_id      TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            row_number  INTEGER NOT NULL,
            reason      TEXT    NOT NULL,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (run_id, row_number)
        ) WITHOUT ROWID;

        -- Funnel counters per run and step; '' stands for "the run as a whole" and "no reason",
        -- because NULL would not make the key unique.
        CREATE TABLE funnel_counters (
            run_id      TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            activity_id TEXT    NOT NULL,
            counter     TEXT    NOT NULL,
            reason      TEXT    NOT NULL,
            value       INTEGER NOT NULL,
            PRIMARY KEY (run_id, activity_id, counter, reason)
        ) WITHOUT ROWID;
        """;
}

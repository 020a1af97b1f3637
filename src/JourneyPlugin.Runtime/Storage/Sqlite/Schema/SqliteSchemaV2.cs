namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>The webhook inbox: bodies acknowledged to the vendor and not applied yet.</summary>
internal static class SqliteSchemaV2
{
    public const string Sql = """
        CREATE TABLE webhook_inbox (
            id          INTEGER NOT NULL PRIMARY KEY,
            source      TEXT    NOT NULL,
            kind        TEXT    NOT NULL,
            body        BLOB    NOT NULL,
            received_at INTEGER NOT NULL,
            attempts    INTEGER NOT NULL DEFAULT 0,
            last_error  TEXT
        );
        CREATE INDEX ix_webhook_inbox_received ON webhook_inbox (received_at, id);
        """;
}

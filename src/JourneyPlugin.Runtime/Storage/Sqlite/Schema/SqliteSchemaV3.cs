namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Webhook bodies that can never be applied are set aside, kept for a person but no longer tried.</summary>
internal static class SqliteSchemaV3
{
    public const string Sql = """
        ALTER TABLE webhook_inbox ADD COLUMN set_aside_at INTEGER;
        """;
}

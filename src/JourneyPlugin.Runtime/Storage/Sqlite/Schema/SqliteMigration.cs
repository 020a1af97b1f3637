namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>One step of the schema: applied once, in version order, recorded in <c>schema_version</c>.</summary>
/// <param name="Version">The schema version it produces.</param>
/// <param name="Name">What it does.</param>
/// <param name="Sql">The statements.</param>
internal sealed record SqliteMigration(int Version, string Name, string Sql);

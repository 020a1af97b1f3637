using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Storage.Sqlite;
using JourneyPlugin.WhatsApp.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Tests.Storage;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_file_is_created_on_first_use_in_wal_mode_with_the_schema_version_recorded()
    {
        Assert.False(File.Exists(_db.Storage.DatabasePath));

        await _db.Storage.InitializeAsync();

        Assert.Equal(Path.Combine(_db.Directory, "journeys.db"), _db.Storage.DatabasePath);
        Assert.True(File.Exists(_db.Storage.DatabasePath));
        var (journalMode, versions) = await _db.Storage.Database.ReadAsync(connection =>
        {
            using var mode = connection.Command("PRAGMA journal_mode;");
            using var version = connection.Command("SELECT group_concat(version) FROM schema_version;");
            return ((string)mode.ExecuteScalar()!, (string)version.ExecuteScalar()!);
        }, CancellationToken.None);
        Assert.Equal("wal", journalMode);
        Assert.Equal(string.Join(',', SqliteSchema.Migrations.Select(m => m.Version)), versions);
    }

    [Fact]
    public async Task Reopening_does_not_migrate_again()
    {
        await _db.Storage.Runs.CreateAsync("run-1", "welcome", "promo", null);
        _db.Storage.Dispose();

        using var reopened = _db.Open();
        await reopened.InitializeAsync();

        Assert.NotNull(await reopened.Runs.GetAsync("run-1"));
        var count = await reopened.Database.ReadAsync(c => c.Command("SELECT count(*) FROM schema_version;").ExecuteScalar(), CancellationToken.None);
        Assert.Equal((long)SqliteSchema.Migrations.Count, count);
    }

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused()
    {
        await _db.Storage.InitializeAsync();
        await _db.Storage.Database.WriteAsync(WriteDurability.Normal, t => t.Command("INSERT INTO schema_version VALUES (99, 'future', 0);").ExecuteNonQuery(), CancellationToken.None);
        _db.Storage.Dispose();

        using var reopened = _db.Open();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.Runs.GetAsync("run-1"));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_enforce_foreign_keys_and_wait_when_busy()
    {
        var (foreignKeys, busyTimeout) = await _db.Storage.Database.ReadAsync(connection =>
        {
            using var fk = connection.Command("PRAGMA foreign_keys;");
            using var busy = connection.Command("PRAGMA busy_timeout;");
            return ((long)fk.ExecuteScalar()!, (long)busy.ExecuteScalar()!);
        }, CancellationToken.None);

        Assert.Equal(1, foreignKeys);
        Assert.Equal(10_000, busyTimeout);
        await Assert.ThrowsAsync<SqliteException>(() => _db.Storage.Database.WriteAsync(
            WriteDurability.Normal, t => t.Command("INSERT INTO bookmarks (hash, instance_id) VALUES ('h', 'no-such-instance');").ExecuteNonQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task Ledger_writes_are_synced_and_the_rest_use_normal_unless_every_write_is_synced()
    {
        static long Synchronous(SqliteTransaction t)
        {
            using var command = t.Command("PRAGMA synchronous;");
            return (long)command.ExecuteScalar()!;
        }

        Assert.Equal(1, await _db.Storage.Database.WriteAsync(WriteDurability.Normal, Synchronous, CancellationToken.None));
        Assert.Equal(2, await _db.Storage.Database.WriteAsync(WriteDurability.Full, Synchronous, CancellationToken.None));
        Assert.Equal(1, await _db.Storage.Database.WriteAsync(WriteDurability.Normal, Synchronous, CancellationToken.None));

        using var synced = _db.Open(Path.Combine(_db.Directory, "synced"), o => o.SyncEveryWrite = true);
        Assert.Equal(2, await synced.Database.WriteAsync(WriteDurability.Normal, Synchronous, CancellationToken.None));
    }

    [Fact]
    public async Task A_disposed_store_refuses_work()
    {
        await _db.Storage.InitializeAsync();
        _db.Storage.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _db.Storage.Runs.GetAsync("run-1"));
    }

    [Theory]
    [InlineData("", "journeys.db", 10, "DataDirectory")]
    [InlineData("data", "", 10, "FileName")]
    [InlineData("data", "sub/journeys.db", 10, "FileName")]
    [InlineData("data", ":memory:", 10, "FileName")]
    [InlineData("data", "journeys.db", 0, "BusyTimeout")]
    public void Invalid_options_are_refused_naming_the_field(string directory, string fileName, int busySeconds, string field)
    {
        var options = new SqliteStorageOptions { DataDirectory = directory, FileName = fileName, BusyTimeout = TimeSpan.FromSeconds(busySeconds) };

        var error = Assert.Throws<OptionsValidationException>(() => new SqliteStorage(Options.Create(options), TimeProvider.System));

        Assert.Contains(field + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_container_shares_one_database_between_the_four_stores()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConversationStateReader, InMemoryConversationStore>();
        services.AddSingleton<TimeProvider>(_db.Time);
        services.AddJourneySqliteStorage(o => o.DataDirectory = Path.Combine(_db.Directory, "di"));

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var storage = provider.GetRequiredService<SqliteStorage>();

        Assert.Same(storage.Instances, provider.GetRequiredService<IJourneyInstanceStore>());
        Assert.Same(storage.Ledger, provider.GetRequiredService<ISendLedger>());
        Assert.Same(storage.Conversations, provider.GetRequiredService<IConversationStore>());
        Assert.Same(storage.Runs, provider.GetRequiredService<IRunStore>());
        Assert.Same(storage.Conversations, provider.GetRequiredService<IConversationStateReader>());
        Assert.Equal(Path.Combine(_db.Directory, "di", "journeys.db"), storage.DatabasePath);

        await provider.GetRequiredService<IConversationStore>().RecordInboundAsync("s", "c", "w-1", TestDatabase.Start);
        Assert.Equal(TestDatabase.Start, (await provider.GetRequiredService<IConversationStateReader>().GetAsync("s", "c")).LastInboundAt);
    }

    [Fact]
    public void The_container_validates_the_options()
    {
        var services = new ServiceCollection();
        services.AddJourneySqliteStorage(o => o.MaxIdleConnections = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRunStore>());
        Assert.Contains("MaxIdleConnections", error.Message, StringComparison.Ordinal);
    }
}

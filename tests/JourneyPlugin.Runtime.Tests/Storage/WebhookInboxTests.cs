using System.Text;
using JourneyPlugin.Runtime.Storage.Sqlite;

namespace JourneyPlugin.Runtime.Tests.Storage;

public sealed class WebhookInboxTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_body_stays_pending_until_completed_and_survives_a_reopen()
    {
        var body = Encoding.UTF8.GetBytes("{\"results\":[]}");
        var id = await _db.Storage.WebhookInbox.AddAsync("infobip/sandbox", "DeliveryReports", body);
        _db.Storage.Dispose();

        using var reopened = _db.Open();
        _db.Time.Advance(TimeSpan.FromSeconds(1));
        var pending = Assert.Single(await reopened.WebhookInbox.ListPendingAsync(_db.Time.GetUtcNow(), 10));
        Assert.Equal(id, pending.Id);
        Assert.Equal("infobip/sandbox", pending.Source);
        Assert.Equal("DeliveryReports", pending.Kind);
        Assert.Equal(body, pending.Body.ToArray());
        Assert.Equal(TestDatabase.Start, pending.ReceivedAt);

        await reopened.WebhookInbox.CompleteAsync(id);
        await reopened.WebhookInbox.CompleteAsync(id);

        Assert.Empty(await reopened.WebhookInbox.ListPendingAsync(_db.Time.GetUtcNow(), 10));
    }

    [Fact]
    public async Task Pending_bodies_are_listed_oldest_first_from_before_the_given_time_with_their_failed_attempts()
    {
        var first = await _db.Storage.WebhookInbox.AddAsync("infobip/a", "InboundMessages", "1"u8.ToArray());
        _db.Time.Advance(TimeSpan.FromSeconds(10));
        var second = await _db.Storage.WebhookInbox.AddAsync("infobip/a", "InboundMessages", "2"u8.ToArray());
        _db.Time.Advance(TimeSpan.FromSeconds(10));
        await _db.Storage.WebhookInbox.AddAsync("infobip/a", "InboundMessages", "3"u8.ToArray());
        await _db.Storage.WebhookInbox.RecordFailureAsync(first, "the silo is down");
        await _db.Storage.WebhookInbox.RecordFailureAsync(first, "the silo is down");

        var pending = await _db.Storage.WebhookInbox.ListPendingAsync(TestDatabase.Start + TimeSpan.FromSeconds(15), 10);

        Assert.Equal([first, second], pending.Select(p => p.Id));
        Assert.Equal([2, 0], pending.Select(p => p.Attempts));
        Assert.Single(await _db.Storage.WebhookInbox.ListPendingAsync(TestDatabase.Start + TimeSpan.FromSeconds(15), 1));
    }

    [Fact]
    public async Task Pending_bodies_are_paged_after_an_id_and_those_set_aside_are_no_longer_listed()
    {
        var inbox = _db.Storage.WebhookInbox;
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await inbox.AddAsync("infobip/a", "DeliveryReports", "{}"u8.ToArray()));
        }

        Assert.Equal(0, await inbox.CountSetAsideAsync());
        await inbox.SetAsideAsync(ids[1], "$.results: required field is missing");
        Assert.Equal(1, await inbox.CountSetAsideAsync());
        var later = _db.Time.GetUtcNow() + TimeSpan.FromSeconds(1);

        var first = await inbox.ListPendingAsync(later, 2);
        var second = await inbox.ListPendingAsync(later, 2, first[^1].Id);

        Assert.Equal([ids[0], ids[2]], first.Select(e => e.Id));
        Assert.Equal([ids[3], ids[4]], second.Select(e => e.Id));
        Assert.Empty(await inbox.ListPendingAsync(later, 2, second[^1].Id));
    }

    [Fact]
    public async Task A_file_of_the_first_schema_is_migrated_keeping_its_data()
    {
        // Build a version-1 file by hand, as a build before the inbox left it.
        var path = Path.Combine(_db.Directory, "v1");
        Directory.CreateDirectory(path);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(path, "journeys.db")};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);"
                + SqliteSchema.Migrations[0].Sql
                + "INSERT INTO schema_version VALUES (1, 'v1', 0);"
                + "INSERT INTO runs (run_id, definition_id, name, status, created_at, updated_at) VALUES ('run-old', 'welcome', 'old run', 'Running', 0, 0);";
            create.ExecuteNonQuery();
        }

        using var storage = _db.Open(path);
        await storage.WebhookInbox.AddAsync("infobip/x", "SeenReports", "{}"u8.ToArray());

        Assert.NotNull(await storage.Runs.GetAsync("run-old"));
        Assert.Single(await storage.WebhookInbox.ListPendingAsync(_db.Time.GetUtcNow() + TimeSpan.FromSeconds(1), 10));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.Server.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyPlugin.Server.Tests.Webhooks;

public sealed class WebhookInboxTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string DeliveryReports = "/webhooks/infobip/sandbox/delivery-reports";

    private readonly HttpClient _client = factory.CreateClient();

    private ISendLedger Ledger => factory.Services.GetRequiredService<ISendLedger>();

    private IWebhookInbox Inbox => factory.Services.GetRequiredService<IWebhookInbox>();

    [Fact]
    public async Task An_applied_webhook_leaves_nothing_in_the_inbox()
    {
        var id = $"applied-{Guid.NewGuid():N}";

        using var response = await _client.SendAsync(Payloads.Post(DeliveryReports, Payloads.DeliveryReport(id), ServerFactory.SandboxHmacSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await Ledger.ListOrphanReportsAsync(0, 10_000), o => o.Report.MessageId == id);
        Assert.DoesNotContain(await Inbox.ListPendingAsync(DateTimeOffset.UtcNow.AddMinutes(1), 1_000), e => Encoding.UTF8.GetString(e.Body.Span).Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_kept_but_not_applied_before_a_crash_is_applied_by_the_drainer_once()
    {
        // What a crash between "kept" and "applied" leaves behind.
        var id = $"crashed-{Guid.NewGuid():N}";
        await Inbox.AddAsync(WebhookIngest.SourceOf("sandbox"), nameof(WebhookKind.DeliveryReports), Encoding.UTF8.GetBytes(Payloads.DeliveryReport(id)));
        var drainer = factory.Services.GetRequiredService<WebhookInboxDrainer>();
        drainer.Grace = TimeSpan.Zero;

        await Task.Delay(10);
        var applied = await drainer.DrainAsync(CancellationToken.None);
        var again = await drainer.DrainAsync(CancellationToken.None);

        Assert.True(applied >= 1);
        Assert.Equal(0, again);
        Assert.Single(await Ledger.ListOrphanReportsAsync(0, 10_000), o => o.Report.MessageId == id);
        Assert.Empty(await Inbox.ListPendingAsync(DateTimeOffset.UtcNow.AddMinutes(1), 1_000));
    }

    [Fact]
    public async Task A_body_left_by_an_earlier_process_is_drained_at_once_and_a_fresh_one_after_the_grace()
    {
        var left = $"left-{Guid.NewGuid():N}";
        await Inbox.AddAsync(WebhookIngest.SourceOf("sandbox"), nameof(WebhookKind.DeliveryReports), Encoding.UTF8.GetBytes(Payloads.DeliveryReport(left)));
        await Task.Delay(10);

        // A drainer of a process that started after the body was kept, with the default grace.
        var drainer = new WebhookInboxDrainer(Inbox, factory.Services.GetRequiredService<WebhookIngest>(), TimeProvider.System, NullLogger<WebhookInboxDrainer>.Instance);
        var fresh = $"fresh-{Guid.NewGuid():N}";
        await Inbox.AddAsync(WebhookIngest.SourceOf("sandbox"), nameof(WebhookKind.DeliveryReports), Encoding.UTF8.GetBytes(Payloads.DeliveryReport(fresh)));

        Assert.Equal(1, await drainer.DrainAsync(CancellationToken.None));
        Assert.Contains(await Ledger.ListOrphanReportsAsync(0, 10_000), o => o.Report.MessageId == left);
        Assert.DoesNotContain(await Ledger.ListOrphanReportsAsync(0, 10_000), o => o.Report.MessageId == fresh);
        Assert.Single(await Inbox.ListPendingAsync(DateTimeOffset.UtcNow.AddMinutes(1), 1_000));

        drainer.Grace = TimeSpan.Zero;
        Assert.Equal(1, await drainer.DrainAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Bodies_that_can_never_be_applied_are_set_aside_and_do_not_hold_up_the_ones_behind_them()
    {
        // More than a page of bodies a later build cannot read (a kind it no longer knows), then a good one.
        for (var i = 0; i < 120; i++)
        {
            await Inbox.AddAsync(WebhookIngest.SourceOf("sandbox"), "RetiredKind", "{}"u8.ToArray());
        }

        var id = $"behind-{Guid.NewGuid():N}";
        await Inbox.AddAsync(WebhookIngest.SourceOf("sandbox"), nameof(WebhookKind.DeliveryReports), Encoding.UTF8.GetBytes(Payloads.DeliveryReport(id)));
        var drainer = factory.Services.GetRequiredService<WebhookInboxDrainer>();
        drainer.Grace = TimeSpan.Zero;

        await Task.Delay(10);
        var applied = await drainer.DrainAsync(CancellationToken.None);

        Assert.True(applied >= 1);
        Assert.Single(await Ledger.ListOrphanReportsAsync(0, 10_000), o => o.Report.MessageId == id);
        Assert.Empty(await Inbox.ListPendingAsync(DateTimeOffset.UtcNow.AddMinutes(1), 1_000));

        // Someone has to look at them: the health says so, still answering 200.
        using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var inbox = health.GetProperty("checks").GetProperty("inbox");
        Assert.Equal("Degraded", inbox.GetProperty("status").GetString());
        Assert.StartsWith($"{await Inbox.CountSetAsideAsync()} webhook bodies could not be applied", inbox.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_body_cannot_be_kept_the_answer_is_503_with_retry_after_and_nothing_changes()
    {
        var id = $"locked-{Guid.NewGuid():N}";
        var database = Path.Combine(factory.DataDirectory, "journeys.db");
        using var response = await WithDatabaseLockedAsync(database, () =>
            _client.SendAsync(Payloads.Post(DeliveryReports, Payloads.DeliveryReport(id), ServerFactory.SandboxHmacSecret)));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Retry later", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain(await Ledger.ListOrphanReportsAsync(0, 10_000), o => o.Report.MessageId == id);

        // Infobip's retry, once the store is back, is accepted and applied.
        using var retry = await _client.SendAsync(Payloads.Post(DeliveryReports, Payloads.DeliveryReport(id), ServerFactory.SandboxHmacSecret));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, (await retry.Content.ReadFromJsonAsync<Receipt>())!.Applied);
    }

    /// <summary>Holds SQLite's write lock from another connection (as another process would) while <paramref name="action"/> runs.</summary>
    private static async Task<T> WithDatabaseLockedAsync<T>(string path, Func<Task<T>> action)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
        await using (var write = connection.CreateCommand())
        {
            write.CommandText = "CREATE TABLE IF NOT EXISTS test_lock (x INTEGER); INSERT INTO test_lock VALUES (1);";
            await write.ExecuteNonQueryAsync();
        }

        try
        {
            return await action();
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    private sealed record Receipt(int Received, int Applied, bool Pending);
}

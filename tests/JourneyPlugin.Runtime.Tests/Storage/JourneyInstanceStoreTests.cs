using System.Diagnostics;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Storage.Sqlite;

namespace JourneyPlugin.Runtime.Tests.Storage;

public sealed class JourneyInstanceStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private IJourneyInstanceStore Store => _db.Storage.Instances;

    public void Dispose() => _db.Dispose();

    internal static StoredInstance Instance(string id, string? runId = "run-1", DateTimeOffset? dueAt = null, string status = "Suspended", params string[] waitingOn) =>
        new(id, "welcome", runId, "customer-" + id, status, $$"""{"instanceId":"{{id}}"}""", dueAt, waitingOn, TestDatabase.Start, TestDatabase.Start);

    [Fact]
    public async Task Insert_then_get_round_trips_every_column()
    {
        var due = TestDatabase.Start.AddHours(24).AddTicks(10);
        var saved = Instance("i-1", dueAt: due, waitingOn: ["hash-b", "hash-a"]) with { UpdatedAt = TestDatabase.Start.AddMinutes(1) };

        var version = await Store.SaveAsync(saved, expectedVersion: 0);
        var loaded = await Store.GetAsync("i-1");

        Assert.Equal(1, version);
        Assert.NotNull(loaded);
        Assert.Equal(saved.StateJson, loaded.StateJson);
        Assert.Equal(("welcome", "run-1", "customer-i-1", "Suspended"), (loaded.DefinitionId, loaded.RunId, loaded.CustomerKey, loaded.Status));
        Assert.Equal(due, loaded.NextDueAt);
        Assert.Equal(TimeSpan.Zero, loaded.NextDueAt!.Value.Offset);
        Assert.Equal(saved.CreatedAt, loaded.CreatedAt);
        Assert.Equal(saved.UpdatedAt, loaded.UpdatedAt);
        Assert.Equal(["hash-a", "hash-b"], loaded.WaitingOn);
        Assert.Equal(1, loaded.Version);
    }

    [Fact]
    public async Task Get_of_an_unknown_instance_is_null() => Assert.Null(await Store.GetAsync("nobody"));

    [Fact]
    public async Task Updates_need_the_stored_version_and_return_the_next()
    {
        await Store.SaveAsync(Instance("i-1"), 0);

        var v2 = await Store.SaveAsync(Instance("i-1", status: "Running"), 1);
        var v3 = await Store.SaveAsync(Instance("i-1", status: "Finished"), v2);

        Assert.Equal((2L, 3L), (v2, v3));
        var loaded = await Store.GetAsync("i-1");
        Assert.Equal(("Finished", 3L), (loaded!.Status, loaded.Version));
    }

    [Fact]
    public async Task A_second_insert_conflicts_and_changes_nothing()
    {
        await Store.SaveAsync(Instance("i-1"), 0);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Instance("i-1", status: "Other"), 0));

        Assert.Equal(("i-1", 0L, 1L), (conflict.Key, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal("Suspended", (await Store.GetAsync("i-1"))!.Status);
    }

    [Fact]
    public async Task A_stale_version_conflicts_and_changes_nothing()
    {
        await Store.SaveAsync(Instance("i-1", waitingOn: ["h1"]), 0);
        await Store.SaveAsync(Instance("i-1", status: "Running", waitingOn: ["h2"]), 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Instance("i-1", status: "Stale", waitingOn: ["h3"]), 1));

        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        var loaded = await Store.GetAsync("i-1");
        Assert.Equal(("Running", 2L), (loaded!.Status, loaded.Version));
        Assert.Empty(await Store.FindWaitingAsync("h3"));
        Assert.Equal(["i-1"], await Store.FindWaitingAsync("h2"));
    }

    [Fact]
    public async Task Updating_a_missing_instance_conflicts() =>
        Assert.Equal(0, (await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Instance("ghost"), 4))).ActualVersion);

    [Fact]
    public async Task Concurrent_writers_of_one_version_have_exactly_one_winner()
    {
        await Store.SaveAsync(Instance("i-1"), 0);

        var attempts = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            try
            {
                await Store.SaveAsync(Instance("i-1", status: $"writer-{n}"), 1);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        var wins = (await Task.WhenAll(attempts)).Count(won => won);
        Assert.Equal(1, wins);
        Assert.Equal(2, (await Store.GetAsync("i-1"))!.Version);
    }

    [Fact]
    public async Task The_bookmark_index_is_replaced_on_save_and_found_by_hash()
    {
        await Store.SaveAsync(Instance("i-1", waitingOn: ["reply:84912345678", "button:yes"]), 0);
        await Store.SaveAsync(Instance("i-2", waitingOn: ["reply:84912345678"]), 0);
        Assert.Equal(["i-1", "i-2"], await Store.FindWaitingAsync("reply:84912345678"));
        Assert.Equal(["i-1"], await Store.FindWaitingAsync("button:yes"));

        await Store.SaveAsync(Instance("i-1", waitingOn: ["button:no", "button:no"]), 1);

        Assert.Equal(["i-2"], await Store.FindWaitingAsync("reply:84912345678"));
        Assert.Empty(await Store.FindWaitingAsync("button:yes"));
        Assert.Equal(["i-1"], await Store.FindWaitingAsync("button:no"));

        await Store.SaveAsync(Instance("i-1", status: "Finished"), 2);
        Assert.Empty(await Store.FindWaitingAsync("button:no"));
        Assert.Empty((await Store.GetAsync("i-1"))!.WaitingOn);
    }

    [Fact]
    public async Task FindDue_returns_due_instances_oldest_first_up_to_the_limit()
    {
        var now = TestDatabase.Start.AddHours(1);
        await Store.SaveAsync(Instance("later", dueAt: now.AddSeconds(1)), 0);
        await Store.SaveAsync(Instance("no-timer"), 0);
        await Store.SaveAsync(Instance("b", dueAt: now.AddMinutes(-5)), 0);
        await Store.SaveAsync(Instance("exactly-now", dueAt: now), 0);
        await Store.SaveAsync(Instance("a", dueAt: now.AddMinutes(-5)), 0);
        await Store.SaveAsync(Instance("oldest", dueAt: now.AddDays(-2)), 0);

        var all = await Store.FindDueAsync(now, 100);
        var first = await Store.FindDueAsync(now, 2);

        Assert.Equal(["oldest", "a", "b", "exactly-now"], all.Select(d => d.InstanceId));
        Assert.Equal(now.AddDays(-2), all[0].DueAt);
        Assert.Equal(["oldest", "a"], first.Select(d => d.InstanceId));
    }

    [Fact]
    public async Task FindDue_pages_after_the_last_instance_seen_even_when_it_is_still_due()
    {
        var now = TestDatabase.Start.AddHours(1);
        foreach (var (id, minutesAgo) in new[] { ("c", 5), ("a", 5), ("b", 5), ("d", 1), ("e", 10) })
        {
            await Store.SaveAsync(Instance(id, dueAt: now.AddMinutes(-minutesAgo)), 0);
        }

        var first = await Store.FindDueAsync(now, 2);
        var second = await Store.FindDueAsync(now, 2, first[^1]);
        var third = await Store.FindDueAsync(now, 2, second[^1]);

        Assert.Equal(["e", "a"], first.Select(d => d.InstanceId));
        Assert.Equal(["b", "c"], second.Select(d => d.InstanceId));
        Assert.Equal(["d"], third.Select(d => d.InstanceId));
        Assert.Empty(await Store.FindDueAsync(now, 2, third[^1]));
    }

    [Fact]
    public async Task A_cleared_timer_is_no_longer_due()
    {
        await Store.SaveAsync(Instance("i-1", dueAt: TestDatabase.Start), 0);
        await Store.SaveAsync(Instance("i-1", dueAt: null), 1);

        Assert.Empty(await Store.FindDueAsync(TestDatabase.Start.AddYears(1), 10));
    }

    [Fact]
    public async Task FindDue_over_ten_thousand_rows_is_ordered_and_fast()
    {
        var random = new Random(42);
        var now = TestDatabase.Start;
        for (var i = 0; i < 10_000; i++)
        {
            // Half due in the past, half in the future, in random order.
            await Store.SaveAsync(Instance($"i-{i:D5}", dueAt: now.AddSeconds(random.Next(-50_000, 50_000))), 0);
        }

        var stopwatch = Stopwatch.StartNew();
        var due = await Store.FindDueAsync(now, 500);
        stopwatch.Stop();

        Assert.Equal(500, due.Count);
        Assert.All(due, d => Assert.True(d.DueAt <= now));
        Assert.Equal(due.OrderBy(d => d.DueAt).ThenBy(d => d.InstanceId, StringComparer.Ordinal).Select(d => d.InstanceId), due.Select(d => d.InstanceId));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));

        var allDue = await Store.FindDueAsync(now, 20_000);
        Assert.InRange(allDue.Count, 4_500, 5_500);
        Assert.Equal(allDue[499], due[499]);
    }

    [Fact]
    public async Task FindDue_reads_the_due_index_and_never_scans_the_table()
    {
        await Store.SaveAsync(Instance("i-1", dueAt: TestDatabase.Start), 0);

        foreach (var sql in new[] { SqliteJourneyInstanceStore.FindDueSql, SqliteJourneyInstanceStore.FindDueAfterSql })
        {
            var plan = await QueryPlanAsync(sql, ("$now", TestDatabase.Start), ("$limit", 10), ("$afterDue", TestDatabase.Start), ("$afterId", "i-0"));

            Assert.Contains("USING COVERING INDEX ix_instances_due", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Runs_list_their_instances_in_pages_and_count_statuses()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.SaveAsync(Instance($"i-{i}", status: i < 4 ? "Suspended" : "Finished"), 0);
        }

        await Store.SaveAsync(Instance("other-run", runId: "run-2"), 0);
        await Store.SaveAsync(Instance("triggered", runId: null), 0);

        var page = await Store.ListByRunAsync("run-1", skip: 2, take: 3);

        Assert.Equal(["i-2", "i-3", "i-4"], page.Select(s => s.InstanceId));
        Assert.Equal(("run-1", 1L), (page[0].RunId, page[0].Version));
        Assert.Equal(4, await Store.CountByStatusAsync("run-1", "Suspended"));
        Assert.Equal(0, await Store.CountByStatusAsync("run-1", "Faulted"));
        var counts = await Store.CountStatusesAsync("run-1");
        Assert.Equal(2, counts.Count);
        Assert.Equal((4, 3), (counts["Suspended"], counts["Finished"]));
        Assert.Null((await Store.GetAsync("triggered"))!.RunId);
    }

    [Fact]
    public async Task A_run_has_active_instances_while_one_runs_or_waits()
    {
        await Store.SaveAsync(Instance("done", status: "Finished"), 0);
        await Store.SaveAsync(Instance("cancelled", status: "Cancelled"), 0);
        await Store.SaveAsync(Instance("elsewhere", runId: "run-2", status: "Suspended"), 0);
        Assert.False(await Store.HasActiveAsync("run-1"));

        await Store.SaveAsync(Instance("waiting", status: "Suspended"), 0);
        Assert.True(await Store.HasActiveAsync("run-1"));
        await Store.SaveAsync(Instance("waiting", status: "Running"), 1);
        Assert.True(await Store.HasActiveAsync("run-1"));
        Assert.False(await Store.HasActiveAsync("run-3"));

        var plan = await QueryPlanAsync(SqliteJourneyInstanceStore.HasActiveSql, ("$run", "run-1"));
        Assert.Contains("INDEX ix_instances_run_status (run_id=? AND status=?)", plan, StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan for <paramref name="sql"/>, its steps joined by " | ".</summary>
    private Task<string> QueryPlanAsync(string sql, params (string Name, object Value)[] parameters) =>
        _db.Storage.Database.ReadAsync(connection =>
        {
            using var explain = connection.Command("EXPLAIN QUERY PLAN " + sql);
            foreach (var (name, value) in parameters)
            {
                // Times bind as the store binds them (microseconds), not as text.
                _ = value is DateTimeOffset time ? explain.With(name, time) : explain.With(name, value);
            }

            using var reader = explain.ExecuteReader();
            var details = new List<string>();
            while (reader.Read())
            {
                details.Add(reader.GetString(3));
            }

            return string.Join(" | ", details);
        }, CancellationToken.None);

    [Fact]
    public async Task Bad_arguments_name_the_parameter()
    {
        Assert.Equal("instanceId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetAsync(null!))).ParamName);
        Assert.Equal("instanceId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetAsync(""))).ParamName);
        Assert.Equal("instance", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(null!, 0))).ParamName);
        Assert.Equal("instance.InstanceId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(Instance(""), 0))).ParamName);
        Assert.Equal("instance.WaitingOn", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(Instance("i", waitingOn: [""]), 0))).ParamName);
        Assert.Equal("instance.RunId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(Instance("i", runId: ""), 0))).ParamName);
        Assert.Equal("expectedVersion", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(Instance("i"), -1))).ParamName);
        Assert.Equal("bookmarkHash", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.FindWaitingAsync(""))).ParamName);
        Assert.Equal("limit", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.FindDueAsync(TestDatabase.Start, -1))).ParamName);
        Assert.Equal("limit", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.FindDueAsync(TestDatabase.Start, 0))).ParamName);
        Assert.Equal("skip", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ListByRunAsync("r", -1, 10))).ParamName);
        Assert.Equal("take", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ListByRunAsync("r", 0, 0))).ParamName);
        Assert.Equal("runId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CountStatusesAsync(null!))).ParamName);
    }
}

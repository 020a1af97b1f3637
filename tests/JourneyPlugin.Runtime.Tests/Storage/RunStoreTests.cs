using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Runtime.Tests.Storage;

public sealed class RunStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private IRunStore Runs => _db.Storage.Runs;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Create_is_idempotent_and_get_and_list_find_runs()
    {
        var created = await Runs.CreateAsync("run-1", "welcome", "Spring promo", "customers.csv");
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await Runs.CreateAsync("run-1", "other", "Other name", null);
        await Runs.CreateAsync("run-2", "welcome", "Summer promo", null);

        Assert.Equal(new RunRecord("run-1", "welcome", "Spring promo", RunStatus.Created, "customers.csv", 0, 0, TestDatabase.Start, TestDatabase.Start), created);
        Assert.Equal(created, again);
        Assert.Equal(created, await Runs.GetAsync("run-1"));
        Assert.Null(await Runs.GetAsync("run-9"));
        Assert.Equal(["run-2", "run-1"], (await Runs.ListAsync(0, 10)).Select(r => r.RunId));
        Assert.Equal(["run-1"], (await Runs.ListAsync(1, 10)).Select(r => r.RunId));
    }

    [Fact]
    public async Task Legal_status_transitions_are_applied()
    {
        await Runs.CreateAsync("run-1", "welcome", "promo", null);

        foreach (var status in new[] { RunStatus.Running, RunStatus.Paused, RunStatus.Running, RunStatus.Running, RunStatus.Completed })
        {
            _db.Time.Advance(TimeSpan.FromSeconds(1));
            var run = await Runs.UpdateStatusAsync("run-1", status);
            Assert.Equal(status, run.Status);
            Assert.Equal(run, await Runs.GetAsync("run-1"));
        }
    }

    [Fact]
    public async Task A_completed_run_can_be_cancelled_because_its_journeys_may_still_wait_and_cancelled_is_final()
    {
        await Runs.CreateAsync("run-1", "welcome", "promo", null);
        await Runs.UpdateStatusAsync("run-1", RunStatus.Running);
        await Runs.UpdateStatusAsync("run-1", RunStatus.Completed);

        Assert.Equal(RunStatus.Cancelled, (await Runs.UpdateStatusAsync("run-1", RunStatus.Cancelled)).Status);
        await Assert.ThrowsAsync<InvalidRunTransitionException>(() => Runs.UpdateStatusAsync("run-1", RunStatus.Completed));
    }

    [Theory]
    [InlineData(new[] { RunStatus.Running, RunStatus.Completed }, RunStatus.Running)]
    [InlineData(new[] { RunStatus.Cancelled }, RunStatus.Running)]
    [InlineData(new RunStatus[0], RunStatus.Paused)]
    [InlineData(new RunStatus[0], RunStatus.Completed)]
    [InlineData(new[] { RunStatus.Running, RunStatus.Paused }, RunStatus.Completed)]
    [InlineData(new[] { RunStatus.Running }, RunStatus.Created)]
    public async Task Illegal_transitions_throw_naming_the_transition_and_change_nothing(RunStatus[] path, RunStatus illegal)
    {
        await Runs.CreateAsync("run-1", "welcome", "promo", null);
        foreach (var status in path)
        {
            await Runs.UpdateStatusAsync("run-1", status);
        }

        var before = await Runs.GetAsync("run-1");
        var error = await Assert.ThrowsAsync<InvalidRunTransitionException>(() => Runs.UpdateStatusAsync("run-1", illegal));

        Assert.Equal((before!.Status, illegal), (error.From, error.To));
        Assert.Contains($"from {before.Status} to {illegal}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Runs.GetAsync("run-1"));
    }

    [Fact]
    public async Task Unknown_runs_are_reported()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Runs.UpdateStatusAsync("nope", RunStatus.Running));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Runs.AdvanceEnrolmentAsync("nope", 1));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Runs.RecordRejectedRowAsync("nope", 1, "bad phone"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Runs.IncrementAsync("nope", null, FunnelCounter.Enrolled));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Runs.GetFunnelAsync("nope"));
    }

    [Fact]
    public async Task The_enrolment_cursor_only_moves_forward_and_survives_a_reopen()
    {
        await Runs.CreateAsync("run-1", "welcome", "promo", null);

        await Runs.AdvanceEnrolmentAsync("run-1", 500);
        await Runs.AdvanceEnrolmentAsync("run-1", 200);

        var reopened = _db.Open();
        var run = await reopened.Runs.GetAsync("run-1");
        Assert.Equal((500L, 500L), (run!.EnrolmentCursor, run.RowsRead));
    }

    [Fact]
    public async Task Rejected_rows_are_listed_and_counted_once()
    {
        await Runs.CreateAsync("run-1", "welcome", "promo", null);

        Assert.True(await Runs.RecordRejectedRowAsync("run-1", 7, "phone: not a number"));
        Assert.True(await Runs.RecordRejectedRowAsync("run-1", 3, "phone: missing"));
        Assert.False(await Runs.RecordRejectedRowAsync("run-1", 7, "phone: not a number"));

        Assert.Equal(
            [new RejectedRow("run-1", 3, "phone: missing", TestDatabase.Start), new RejectedRow("run-1", 7, "phone: not a number", TestDatabase.Start)],
            await Runs.ListRejectedRowsAsync("run-1", 0, 10));
        Assert.Equal(2, (await Runs.GetAsync("run-1"))!.RowsRejected);
    }

    [Fact]
    public async Task The_funnel_sums_steps_into_the_run_and_fails_by_reason()
    {
        await Runs.CreateAsync("run-1", "welcome", "promo", null);

        await Runs.IncrementAsync("run-1", null, FunnelCounter.Enrolled, delta: 10);
        await Runs.IncrementManyAsync(
        [
            new("run-1", "send-1", FunnelCounter.Sent, Delta: 8),
            new("run-1", "send-1", FunnelCounter.Failed, "OptedOut"),
            new("run-1", "send-1", FunnelCounter.Failed, "InvalidPhone"),
            new("run-1", "send-2", FunnelCounter.Sent, Delta: 5),
            new("run-1", "send-2", FunnelCounter.Delivered, Delta: 4),
            new("run-1", "send-2", FunnelCounter.Seen, Delta: 3),
            new("run-1", "send-2", FunnelCounter.Failed),
            new("run-1", "wait-1", FunnelCounter.Replied, Delta: 2),
            new("run-1", "wait-1", FunnelCounter.TimedOut),
            new("run-1", null, FunnelCounter.Completed, Delta: 6),
            new("run-1", null, FunnelCounter.Failed, "OptedOut", Delta: 0),
        ]);

        var funnel = await Runs.GetFunnelAsync("run-1");

        var total = funnel.Total;
        Assert.Equal((10L, 13L, 4L, 3L, 2L, 1L, 6L, 3L), (total.Enrolled, total.Sent, total.Delivered, total.Seen, total.Replied, total.TimedOut, total.Completed, total.Failed));
        Assert.Equal(new Dictionary<string, long> { ["OptedOut"] = 1, ["InvalidPhone"] = 1, [FunnelCounts.UnspecifiedReason] = 1 }, total.FailedByReason);
        Assert.Equal(["send-1", "send-2", "wait-1"], funnel.Steps.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((8L, 2L), (funnel.Steps["send-1"].Sent, funnel.Steps["send-1"].Failed));
        Assert.Equal((5L, 4L, 3L, 0L), (funnel.Steps["send-2"].Sent, funnel.Steps["send-2"].Delivered, funnel.Steps["send-2"].Seen, funnel.Steps["send-2"].Enrolled));
        Assert.Equal((2L, 1L), (funnel.Steps["wait-1"].Replied, funnel.Steps["wait-1"].TimedOut));
    }

    [Fact]
    public async Task Funnel_counters_are_exact_under_eight_parallel_writers()
    {
        await Runs.CreateAsync("run-1", "welcome", "promo", null);
        var second = _db.Open();   // a second store over the same file writes too: SQLite's lock, not only ours, must hold

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var runs = writer % 2 == 0 ? Runs : second.Runs;
            for (var i = 0; i < 150; i++)
            {
                await runs.IncrementAsync("run-1", "send-1", FunnelCounter.Sent);
                await runs.IncrementAsync("run-1", null, FunnelCounter.Enrolled, delta: 2);
                if (i % 10 == 0)
                {
                    await runs.IncrementManyAsync([new("run-1", "send-1", FunnelCounter.Failed, "RateLimited"), new("run-1", "send-1", FunnelCounter.Delivered, Delta: 3)]);
                }
            }
        })));

        var funnel = await Runs.GetFunnelAsync("run-1");
        Assert.Equal(8 * 150, funnel.Steps["send-1"].Sent);
        Assert.Equal(8 * 150 * 2, funnel.Total.Enrolled);
        Assert.Equal(8 * 15, funnel.Total.FailedByReason["RateLimited"]);
        Assert.Equal(8 * 15 * 3, funnel.Total.Delivered);
    }

    [Fact]
    public async Task A_batch_with_an_unknown_run_applies_nothing()
    {
        await Runs.CreateAsync("run-1", "welcome", "promo", null);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Runs.IncrementManyAsync(
            [new("run-1", null, FunnelCounter.Enrolled), new("run-404", null, FunnelCounter.Enrolled)]));

        Assert.Equal(0, (await Runs.GetFunnelAsync("run-1")).Total.Enrolled);
    }

    [Fact]
    public async Task Bad_arguments_name_the_parameter()
    {
        Assert.Equal("runId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.CreateAsync("", "d", "n", null))).ParamName);
        Assert.Equal("definitionId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.CreateAsync("r", null!, "n", null))).ParamName);
        Assert.Equal("take", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.ListAsync(0, 0))).ParamName);
        Assert.Equal("status", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.UpdateStatusAsync("r", (RunStatus)99))).ParamName);
        Assert.Equal("rowNumber", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.AdvanceEnrolmentAsync("r", -1))).ParamName);
        Assert.Equal("rowNumber", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.RecordRejectedRowAsync("r", 0, "x"))).ParamName);
        Assert.Equal("reason", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.RecordRejectedRowAsync("r", 1, ""))).ParamName);
        Assert.Equal("delta", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.IncrementAsync("r", null, FunnelCounter.Sent, delta: -1))).ParamName);
        Assert.Equal("activityId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.IncrementAsync("r", "", FunnelCounter.Sent))).ParamName);
        Assert.Equal("runId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.IncrementAsync(null!, null, FunnelCounter.Sent))).ParamName);
        Assert.Equal("increments[1].RunId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.IncrementManyAsync([new("r", null, FunnelCounter.Sent), new("", null, FunnelCounter.Sent)]))).ParamName);
        Assert.Equal("runId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Runs.GetFunnelAsync(""))).ParamName);
    }
}

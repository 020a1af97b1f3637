using System.Net;
using System.Text.Json;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Runs;

/// <summary>
/// Campaign runs over HTTP against the real server on Kestrel with the in-process sandbox: audiences
/// uploaded as files, customers replying through <c>/api/sandbox/replies</c>, funnels read back.
/// Each test uses its own phone numbers, so they share one server.
/// </summary>
public sealed class RunEndpointsTests(RunServerFactory factory) : IClassFixture<RunServerFactory>
{
    private const string WaitStep = "1c013decf8b5299a";

    private readonly RunApi _api = new(factory.CreateClient());

    [Fact]
    public async Task A_run_over_an_uploaded_audience_reports_bad_rows_and_the_exact_funnel_and_each_instances_history()
    {
        const string prefix = "8491231";
        var run = await _api.StartAsync("welcome-offer", RunApi.Csv(prefix, 300, badRows: [50, 150]), name: "Welcome, November");
        var id = run.GetProperty("id").GetString()!;
        Assert.Equal(("welcome-offer", "Welcome, November"), (run.GetProperty("journeyId").GetString(), run.GetProperty("name").GetString()));
        Assert.True(run.GetProperty("status").GetString() is "Running" or "Completed", run.ToString());
        Assert.True(File.Exists(Path.Combine(factory.AudiencesDirectory, id + ".csv")));

        run = await _api.WaitForRunAsync(id, r => RunApi.Funnel(r, "sent") == 298);

        // 10 want the deals, 5 say no, 3 write something else; the others stay silent.
        for (var i = 1; i <= 18; i++)
        {
            using var reply = await _api.ReplyAsync("+" + RunApi.Phone(prefix, i), i <= 10 ? "Yes please" : i <= 15 ? "No thanks" : "what is this?");
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        run = await _api.WaitForRunAsync(id, r => RunApi.Funnel(r, "completed") == 18 && RunApi.Funnel(r, "seen") == 313);
        Assert.Equal(("Completed", 301L, 298L, 2L), (run.GetProperty("status").GetString(), run.GetProperty("rowsRead").GetInt64(), run.GetProperty("enrolled").GetInt64(), run.GetProperty("rejectedRows").GetInt64()));
        var funnel = run.GetProperty("funnel");
        Assert.Equal(
            (298L, 313L, 313L, 313L, 18L, 0L, 18L),
            (RunApi.Funnel(run, "enrolled"), RunApi.Funnel(run, "sent"), RunApi.Funnel(run, "delivered"), RunApi.Funnel(run, "seen"), RunApi.Funnel(run, "replied"), RunApi.Funnel(run, "timedOut"), RunApi.Funnel(run, "completed")));
        Assert.Empty(funnel.GetProperty("failed").EnumerateObject());
        Assert.Equal((280, 18), (RunApi.Instances(run, "Suspended"), RunApi.Instances(run, "Finished")));

        var steps = run.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("funnel"));
        Assert.Equal(["Send welcome offer", "Wait for answer", "Send deals", "Say no problem"], run.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal((298L, 298L, 298L), (steps["Send welcome offer"].GetProperty("sent").GetInt64(), steps["Send welcome offer"].GetProperty("delivered").GetInt64(), steps["Send welcome offer"].GetProperty("seen").GetInt64()));
        Assert.Equal(18L, steps["Wait for answer"].GetProperty("replied").GetInt64());
        Assert.Equal((10L, 5L), (steps["Send deals"].GetProperty("sent").GetInt64(), steps["Say no problem"].GetProperty("sent").GetInt64()));

        // The rejected rows, numbered as a spreadsheet shows them (the header is row 1).
        var rejected = (await _api.GetAsync($"/api/runs/{id}/rejected-rows")).EnumerateArray().ToList();
        Assert.Equal([52L, 152L], rejected.Select(r => r.GetProperty("row").GetInt64()));
        Assert.All(rejected, r => Assert.Contains("country code", r.GetProperty("reason").GetString(), StringComparison.Ordinal));

        // The run is listed, newest first.
        var listed = (await _api.GetAsync("/api/runs?take=100")).EnumerateArray().ToList();
        Assert.Contains(listed, r => r.GetProperty("id").GetString() == id);
        Assert.Equal(listed.OrderByDescending(r => r.GetProperty("createdAt").GetDateTimeOffset()).Select(r => r.GetProperty("id").GetString()), listed.Select(r => r.GetProperty("id").GetString()));

        await AssertInstancesAsync(id, prefix);
    }

    private async Task AssertInstancesAsync(string runId, string prefix)
    {
        var finished = (await _api.GetAsync($"/api/runs/{runId}/instances?status=finished&take=100")).EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 18).Select(i => $"c{i:0000}"), finished.Select(i => i.GetProperty("customerId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(finished, i => Assert.Equal("Finished", i.GetProperty("status").GetString()));

        var first = (await _api.GetAsync($"/api/runs/{runId}/instances?take=5")).EnumerateArray().ToList();
        var next = (await _api.GetAsync($"/api/runs/{runId}/instances?skip=5&take=5")).EnumerateArray().ToList();
        Assert.Equal(5, first.Count);
        Assert.Empty(first.Select(i => i.GetProperty("instanceId").GetString()).Intersect(next.Select(i => i.GetProperty("instanceId").GetString())));
        var waiting = first.First(i => i.GetProperty("status").GetString() == "Suspended");
        Assert.Equal(WaitStep, waiting.GetProperty("currentActivityId").GetString());

        // A customer who wanted the deals: every step with its outcome, nothing left to wait for.
        var yes = finished.Single(i => i.GetProperty("customerId").GetString() == "c0001").GetProperty("instanceId").GetString()!;
        var instance = await _api.GetAsync("/api/instances/" + Uri.EscapeDataString(yes));
        Assert.Equal((yes, runId, "welcome-offer", "Finished"), (instance.GetProperty("instanceId").GetString(), instance.GetProperty("runId").GetString(), instance.GetProperty("journeyId").GetString(), instance.GetProperty("status").GetString()));
        var history = instance.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("name").GetString(), h.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([("Start", "Done"), ("Send welcome offer", "Sent"), ("Wait for answer", null), ("Wait for answer", "Yes please"), ("Send deals", "Sent"), ("End", "Done")], history);
        Assert.Equal(["Elsa.Start", "Journeys.SendInfobipWhatsApp"], instance.GetProperty("history").EnumerateArray().Take(2).Select(h => h.GetProperty("activityType").GetString()));
        Assert.Empty(instance.GetProperty("bookmarks").EnumerateArray());
        Assert.Equal("Yes please", instance.GetProperty("variables").GetProperty("Answer").GetString());

        // A silent customer waits for a reply, with a timeout, at the wait step; the raw slash works too.
        var silent = await _api.GetAsync($"/api/instances/{runId}/c0100");
        Assert.Equal(("Suspended", WaitStep), (silent.GetProperty("status").GetString(), silent.GetProperty("currentActivityId").GetString()));
        var bookmarks = silent.GetProperty("bookmarks").EnumerateArray().ToList();
        Assert.Equal(["stimulus", "timer"], bookmarks.Select(b => b.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        Assert.All(bookmarks, b => Assert.Equal(WaitStep, b.GetProperty("activityId").GetString()));
        Assert.Single(await _api.MessagesToAsync(RunApi.Phone(prefix, 100)));
    }

    [Fact]
    public async Task Cancelling_a_run_cancels_its_waiting_instances_so_a_reply_afterwards_sends_nothing()
    {
        const string prefix = "8491232";
        var id = (await _api.StartAsync("welcome-offer", RunApi.Csv(prefix, 20))).GetProperty("id").GetString()!;
        await _api.WaitForRunAsync(id, r => RunApi.Funnel(r, "sent") == 20 && RunApi.Instances(r, "Suspended") == 20);

        using var cancel = await _api.Client.PostAsync($"/api/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        // At once, whether or not the sweep has reached this instance yet.
        using (var early = await _api.ReplyAsync(RunApi.Phone(prefix, 3), "Yes please"))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        var run = await _api.WaitForRunAsync(id, r => RunApi.Instances(r, "Cancelled") == 20);
        Assert.Equal(0, RunApi.Instances(run, "Suspended"));
        var instance = await _api.GetAsync($"/api/instances/{Uri.EscapeDataString(id + "/c0007")}");
        Assert.Equal("Cancelled", instance.GetProperty("status").GetString());
        Assert.Empty(instance.GetProperty("bookmarks").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, instance.GetProperty("nextDueAt").ValueKind);

        // After the sweep.
        using (var late = await _api.ReplyAsync(RunApi.Phone(prefix, 7), "Yes please"))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        await Task.Delay(1500);
        Assert.Single(await _api.MessagesToAsync(RunApi.Phone(prefix, 3)));
        Assert.Single(await _api.MessagesToAsync(RunApi.Phone(prefix, 7)));
        run = await _api.RunAsync(id);
        Assert.Equal((20L, 0L, 0L), (RunApi.Funnel(run, "sent"), RunApi.Funnel(run, "replied"), RunApi.Funnel(run, "completed")));

        // Cancelled is final: cancelling again is harmless, pausing or resuming is refused.
        using var again = await _api.Client.PostAsync($"/api/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        foreach (var verb in new[] { "pause", "resume" })
        {
            using var refused = await _api.Client.PostAsync($"/api/runs/{id}/{verb}", null);
            var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains("Cancelled", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_paused_run_stops_enrolling_and_resumes_where_it_stopped()
    {
        const string prefix = "8491233";
        var id = (await _api.StartAsync("welcome-offer", RunApi.Csv(prefix, 600))).GetProperty("id").GetString()!;

        using var pause = await _api.Client.PostAsync($"/api/runs/{id}/pause", null);
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        var paused = JsonDocument.Parse(await pause.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Paused", paused.GetProperty("status").GetString());
        var rowsRead = paused.GetProperty("rowsRead").GetInt64();
        Assert.InRange(rowsRead, 0, 400);

        await Task.Delay(500);
        Assert.Equal(rowsRead, (await _api.RunAsync(id)).GetProperty("rowsRead").GetInt64());

        // Pausing again is harmless.
        using (var again = await _api.Client.PostAsync($"/api/runs/{id}/pause", null))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using var resume = await _api.Client.PostAsync($"/api/runs/{id}/resume", null);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.Equal("Running", JsonDocument.Parse(await resume.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        var run = await _api.WaitForRunAsync(id, r => r.GetProperty("status").GetString() == "Completed" && RunApi.Funnel(r, "enrolled") == 600);
        Assert.Equal(601, run.GetProperty("rowsRead").GetInt64());

        // Every row is enrolled: nothing left to pause or resume.
        foreach (var verb in new[] { "pause", "resume" })
        {
            using var refused = await _api.Client.PostAsync($"/api/runs/{id}/{verb}", null);
            var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Equal("Completed", problem.GetProperty("runStatus").GetString());
        }
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("cancel")]
    public async Task Commands_on_an_unknown_run_are_404(string verb)
    {
        using var response = await _api.Client.PostAsync($"/api/runs/run-nope/{verb}", null);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("run-nope", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/runs/run-nope")]
    [InlineData("/api/runs/run-nope/instances")]
    [InlineData("/api/runs/run-nope/rejected-rows")]
    [InlineData("/api/instances/run-nope%2Fc0001")]
    public async Task Reads_of_unknown_runs_and_instances_are_404(string path)
    {
        using var response = await _api.Client.GetAsync(path);
        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/runs?take=0", "take")]
    [InlineData("/api/runs?skip=-1", "skip")]
    [InlineData("/api/runs?take=many", "take")]
    [InlineData("/api/runs/run-nope/instances?status=Sleeping", "status")]
    [InlineData("/api/runs/run-nope/instances?status=1", "status")]
    [InlineData("/api/runs/run-nope/rejected-rows?take=100000", "take")]
    public async Task Bad_list_parameters_are_400_naming_the_parameter(string path, string field)
    {
        using var response = await _api.Client.GetAsync(path);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}

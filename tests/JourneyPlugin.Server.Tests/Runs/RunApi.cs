using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace JourneyPlugin.Server.Tests.Runs;

/// <summary>The run and sandbox endpoints as a test calls them.</summary>
internal sealed class RunApi(HttpClient client)
{
    public HttpClient Client => client;

    /// <summary>A CSV audience: <c>customer_id,phone,first_name,promo_code</c>, phones <c>&lt;prefix&gt;NNNN</c>, bad phones at <paramref name="badRows"/>.</summary>
    public static string Csv(string prefix, int customers, params int[] badRows)
    {
        var csv = new StringBuilder("customer_id,phone,first_name,promo_code\n");
        for (var i = 0; i < customers; i++)
        {
            var phone = badRows.Contains(i) ? "0912 345" : Phone(prefix, i);
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i:0000},{phone},Guest{i},WELCOME15\n");
        }

        return csv.ToString();
    }

    public static string Phone(string prefix, int i) => $"{prefix}{i:0000}";

    public static MultipartFormDataContent Form(string? journeyId, string? audience, string fileName = "audience.csv", string? name = null)
    {
        var form = new MultipartFormDataContent();
        if (journeyId is not null)
        {
            form.Add(new StringContent(journeyId), "journeyId");
        }

        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        if (audience is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(audience));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "audience", fileName);
        }

        return form;
    }

    /// <summary>Starts a run and returns its JSON, asserting 201 with a Location.</summary>
    public async Task<JsonElement> StartAsync(string journeyId, string audience, string? name = null)
    {
        using var form = Form(journeyId, audience, name: name);
        using var response = await client.PostAsync("/api/runs", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        var run = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal($"/api/runs/{run.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return run;
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> RunAsync(string runId) => GetAsync($"/api/runs/{runId}");

    /// <summary>Polls the run until <paramref name="done"/> holds; fails with the last state after <paramref name="seconds"/>.</summary>
    public async Task<JsonElement> WaitForRunAsync(string runId, Func<JsonElement, bool> done, double seconds = 15)
    {
        var watch = Stopwatch.StartNew();
        var run = await RunAsync(runId);
        while (!done(run))
        {
            Assert.True(watch.Elapsed.TotalSeconds < seconds, $"run {runId} did not get there in {seconds} s: {run}");
            await Task.Delay(100);
            run = await RunAsync(runId);
        }

        return run;
    }

    public async Task<HttpResponseMessage> ReplyAsync(string from, string text) =>
        await client.PostAsJsonAsync("/api/sandbox/replies", new { from, text });

    public async Task<List<JsonElement>> MessagesToAsync(string phone) =>
        (await GetAsync($"/api/sandbox/messages?to={phone}")).EnumerateArray().ToList();

    public static long Funnel(JsonElement run, string counter) => run.GetProperty("funnel").GetProperty(counter).GetInt64();

    public static int Instances(JsonElement run, string status) =>
        run.GetProperty("instances").TryGetProperty(status, out var count) ? count.GetInt32() : 0;
}

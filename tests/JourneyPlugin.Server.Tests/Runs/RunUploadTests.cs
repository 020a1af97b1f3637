using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Runs;

/// <summary>Refused run uploads: a problem naming the field, and no run, no file, no message left behind.</summary>
public sealed class RunUploadTests(RunServerFactory factory) : IClassFixture<RunServerFactory>
{
    private readonly RunApi _api = new(factory.CreateClient());

    public static TheoryData<string, string?, string?, string, HttpStatusCode, string> Refusals() => new()
    {
        { "no file", "welcome-offer", null, "audience.csv", HttpStatusCode.BadRequest, "audience" },
        { "no journey id", null, RunApi.Csv("8491240", 3), "audience.csv", HttpStatusCode.BadRequest, "journeyId" },
        { "unknown journey", "no-such-journey", RunApi.Csv("8491241", 3), "audience.csv", HttpStatusCode.NotFound, "journeyId" },
        { "journey with errors", RunServerFactory.BrokenJourneyId, RunApi.Csv("8491242", 3), "audience.csv", HttpStatusCode.Conflict, "journeyId" },
        { "no phone column", "welcome-offer", "customer_id,first_name\nc1,Lan\n", "audience.csv", HttpStatusCode.BadRequest, "audience" },
        { "empty file", "welcome-offer", string.Empty, "audience.csv", HttpStatusCode.BadRequest, "audience" },
        { "a header without rows", "welcome-offer", "customer_id,phone\n", "audience.csv", HttpStatusCode.BadRequest, "audience" },
        { "only bad rows", "welcome-offer", RunApi.Csv("8491245", 3, badRows: [0, 1, 2]), "audience.csv", HttpStatusCode.BadRequest, "audience" },
        { "a pretty-printed JSON document", "welcome-offer", "{\n  \"phone\": \"84912450001\"\n}\n", "audience.json", HttpStatusCode.BadRequest, "audience" },
        { "a JSON array", "welcome-offer", "[{\"phone\":\"84912430001\"}]", "audience.json", HttpStatusCode.BadRequest, "audience" },
        { "a workbook", "welcome-offer", "PK\u0003\u0004 not really a spreadsheet", "audience.xlsx", HttpStatusCode.BadRequest, "audience" },
        { "too large", "welcome-offer", RunApi.Csv("8491243", 12_000), "audience.csv", HttpStatusCode.RequestEntityTooLarge, "audience" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_upload_names_the_field_and_changes_nothing(string why, string? journeyId, string? audience, string fileName, HttpStatusCode status, string field)
    {
        Assert.False(string.IsNullOrEmpty(why));
        var runsBefore = (await _api.GetAsync("/api/runs?take=500")).GetArrayLength();
        var filesBefore = AudienceFiles();
        var messagesBefore = (await _api.GetAsync("/api/sandbox/messages")).GetArrayLength();

        using var form = RunApi.Form(journeyId, audience, fileName);
        using var response = await _api.Client.PostAsync("/api/runs", form);

        var problem = await Problems.AssertProblemAsync(response, status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(runsBefore, (await _api.GetAsync("/api/runs?take=500")).GetArrayLength());
        Assert.Equal(filesBefore, AudienceFiles());
        await Task.Delay(100);
        Assert.Equal(messagesBefore, (await _api.GetAsync("/api/sandbox/messages")).GetArrayLength());
    }

    [Fact]
    public async Task An_upload_of_unknown_length_is_refused_once_its_file_passes_the_limit()
    {
        var runsBefore = (await _api.GetAsync("/api/runs?take=500")).GetArrayLength();
        var filesBefore = AudienceFiles();

        // Chunked, so there is no Content-Length to refuse it by: the file is counted as it streams in
        // (8,000 rows, about 290 KB, against 256 KB allowed).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = RunApi.Form("welcome-offer", RunApi.Csv("8491246", 8_000)) };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _api.Client.SendAsync(request);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("audience", problem.GetProperty("field").GetString());
        Assert.Equal(runsBefore, (await _api.GetAsync("/api/runs?take=500")).GetArrayLength());
        Assert.Equal(filesBefore, AudienceFiles());
    }

    /// <summary>The audience files kept, those of runs that started (other tests of this class start some).</summary>
    private List<string> AudienceFiles() =>
        Directory.Exists(factory.AudiencesDirectory) ? [.. Directory.GetFiles(factory.AudiencesDirectory).Order(StringComparer.Ordinal)] : [];

    [Fact]
    public async Task A_journey_with_errors_is_refused_with_its_problems()
    {
        using var form = RunApi.Form(RunServerFactory.BrokenJourneyId, RunApi.Csv("8491244", 3));
        using var response = await _api.Client.PostAsync("/api/runs", form);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var errors = problem.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("severity").GetString() == "error").ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error =>
        {
            Assert.Equal("a8c320a7bf87b268", error.GetProperty("activityId").GetString());
            Assert.Equal("$.root.activities[3].text.expression.value", error.GetProperty("path").GetString());
            Assert.Contains("Scriban syntax error", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_missing_phone_column_is_named_with_its_row()
    {
        using var form = RunApi.Form("welcome-offer", "customer_id,mobile_no\nc1,84912345678\n");
        using var response = await _api.Client.PostAsync("/api/runs", form);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(1, problem.GetProperty("row").GetInt64());
        Assert.Contains("phone", problem.GetProperty("errors").GetProperty("audience")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_415()
    {
        using var response = await _api.Client.PostAsync("/api/runs", new StringContent("{\"journeyId\":\"welcome-offer\"}", Encoding.UTF8, "application/json"));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("multipart/form-data", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_form_is_400_and_leaves_no_file()
    {
        var body = "--b0undary\r\nContent-Disposition: form-data; name=\"journeyId\"\r\n\r\nwelcome-offer\r\n--b0undary\r\n"
            + "Content-Disposition: form-data; name=\"audience\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\ncustomer_id,phone\r\nc1,8491246";
        var filesBefore = AudienceFiles();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
        using var response = await _api.Client.PostAsync("/api/runs", content);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("audience", problem.GetProperty("field").GetString());
        Assert.Equal(filesBefore, AudienceFiles());
    }

    [Fact]
    public async Task A_json_lines_audience_runs_too()
    {
        var jsonl = "{\"id\":\"j1\",\"phone\":\"+84 912 450 001\",\"first_name\":\"Lan\",\"promo_code\":\"A1\"}\n{\"id\":\"j2\",\"phone\":\"84912450002\",\"first_name\":\"Minh\",\"promo_code\":\"A2\"}\n";
        using var form = RunApi.Form("welcome-offer", jsonl, "people.jsonl");
        using var response = await _api.Client.PostAsync("/api/runs", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.True(File.Exists(Path.Combine(factory.AudiencesDirectory, id + ".jsonl")));
        await _api.WaitForRunAsync(id, r => RunApi.Funnel(r, "sent") == 2);
        var offer = Assert.Single(await _api.MessagesToAsync("84912450001"));
        Assert.Contains("Lan", offer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Template", offer.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("0912345678", "Yes", "from")]
    [InlineData("84 912 ABC", "Yes", "from")]
    [InlineData(null, "Yes", "from")]
    [InlineData("84912345678", "", "text")]
    public async Task A_sandbox_reply_with_a_bad_field_is_400_naming_it(string? from, string text, string field)
    {
        using var response = await _api.Client.PostAsJsonAsync("/api/sandbox/replies", new { from, text });

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Sandbox_messages_filtered_by_a_bad_number_is_400()
    {
        using var response = await _api.Client.GetAsync("/api/sandbox/messages?to=0912");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("to", problem.GetProperty("field").GetString());
    }
}

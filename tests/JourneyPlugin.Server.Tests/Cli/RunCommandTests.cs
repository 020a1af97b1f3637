using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JourneyPlugin.Server.Tests.Cli;

/// <summary><c>run</c>: a campaign on the server's own runtime against the in-process sandbox, followed to the end.</summary>
public sealed partial class RunCommandTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>200 rows; every 50th has a number without a country code.</summary>
    private string Audience()
    {
        var csv = new StringBuilder("customer_id,phone,first_name,promo_code\n");
        for (var i = 0; i < 200; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"c{i:000},{(i % 50 == 49 ? "0912 345" : $"849123{i:00000}")},Guest{i},WELCOME15\n");
        }

        return _files.File("audience.csv", csv.ToString());
    }

    [Fact]
    public async Task A_run_over_a_200_row_audience_sends_through_the_sandbox_and_prints_the_funnel()
    {
        var data = Path.Combine(_files.Path, "data");

        var result = await CommandLine.RunAsync("run", CommandLine.Journey("welcome-offer.json"), "--audience", Audience(), "--data", data);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutputLines;
        Assert.Matches(@"^Run cli-\d{8}-\d{6}-[0-9a-f]{6}: journey 'Welcome offer' \(welcome-offer\) over audience.csv, 200 rows, through connection 'sandbox'$", lines[0]);

        // Redirected output: plain progress lines, the last one with every row handled.
        var progress = lines.Where(l => ProgressLine().IsMatch(l)).ToList();
        Assert.NotEmpty(progress);
        Assert.Contains("rows 200/200  enrolled 196  sent 196", progress[^1], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Output);

        // The funnel: 196 valid customers enrolled, each sent the offer, every send delivered; all wait for an answer.
        Assert.Equal(["total", "196", "196", "196"], Cells(lines.Single(l => l.StartsWith("total ", StringComparison.Ordinal)))[..4]);
        var offer = Cells(lines.Single(l => l.StartsWith("Send welcome offer ", StringComparison.Ordinal)));
        Assert.Equal(["0", "196", "196"], offer[1..4]);
        Assert.Equal(["0", "0", "0", "0"], Cells(lines.Single(l => l.StartsWith("total ", StringComparison.Ordinal)))[5..9]);
        Assert.Contains("rows: 200 read, 4 rejected; instances: waiting 196;", result.Output, StringComparison.Ordinal);
        Assert.Contains("  row 51: phone '0912 345' has no country code", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "journeys.db")), "the run's SQLite file is under --data");
    }

    [Fact]
    public async Task A_journey_with_errors_is_not_run()
    {
        var journey = _files.File("broken.json", File.ReadAllText(CommandLine.Journey("welcome-offer.json")).Replace("\"welcome_offer\"", "\"no_such_template\"", StringComparison.Ordinal));

        var result = await CommandLine.RunAsync("run", journey, "--audience", Audience(), "--data", Path.Combine(_files.Path, "data"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("$.root.activities[1].templateName: template 'no_such_template' does not exist in connection 'sandbox'", result.Error, StringComparison.Ordinal);
        Assert.Contains("The journey has errors; nothing was sent.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Run cli-", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_connection_is_a_usage_error()
    {
        var result = await CommandLine.RunAsync("run", CommandLine.Journey("welcome-offer.json"), "--audience", Audience(), "--connection", "marketing", "--data", Path.Combine(_files.Path, "data"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: --connection: there is no connection 'marketing'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private static string[] Cells(string line) => MultipleSpaces().Split(line.Trim());

    [GeneratedRegex(@"^\d\d:\d\d  rows \d+/200  enrolled")]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}

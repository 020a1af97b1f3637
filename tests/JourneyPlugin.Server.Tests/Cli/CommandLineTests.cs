using JourneyPlugin.Server.Cli;

namespace JourneyPlugin.Server.Tests.Cli;

/// <summary>What reaches the command line rather than the server, help, and bad arguments (one line, exit code 2).</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://localhost:5081" }, false)]
    [InlineData(new[] { "--JourneyPlugin:DataDirectory", "data2" }, false)]
    [InlineData(new[] { "--contentRoot=/tmp", "--environment=Development" }, false)]
    [InlineData(new[] { "urls=http://localhost:5081" }, false)]
    [InlineData(new[] { "/urls", "http://localhost:5081" }, false)]
    [InlineData(new[] { "validate", "a.json" }, true)]
    [InlineData(new[] { "run" }, true)]
    [InlineData(new[] { "test" }, true)]
    [InlineData(new[] { "quick-test", "--connection", "sandbox" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "-h" }, true)]
    [InlineData(new[] { "valdate" }, true)]
    public void Settings_start_the_server_and_commands_go_to_the_command_line(string[] args, bool handled) =>
        Assert.Equal(handled, JourneyPluginCommandLine.Handles(args));

    [Fact]
    public async Task Help_lists_the_commands_and_says_how_the_server_starts()
    {
        var result = await CommandLine.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Without a command", result.Output, StringComparison.Ordinal);
        foreach (var command in new[] { "validate <files>", "run <journey>", "test <journey>", "quick-test" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("validate", "<files>...")]
    [InlineData("run", "--audience <file> (REQUIRED)", "--connection <name>", "--data <dir>")]
    [InlineData("test", "--replies <script.json> (REQUIRED)", "--until <duration>", "\"after\": \"PT2H\"")]
    [InlineData("quick-test", "--connection <name> (REQUIRED)", "--to <number>", "--text <text>", "--data <dir>")]
    public async Task Every_command_has_help(string command, params string[] expected)
    {
        var result = await CommandLine.RunAsync(command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(expected, e => Assert.Contains(e, result.Output, StringComparison.Ordinal));
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("error: unknown option '--strict' (see 'JourneyPlugin.Server validate --help')", "validate", "--strict", "welcome-offer.json")]
    [InlineData("error: File does not exist: 'missing.json'. (see 'JourneyPlugin.Server validate --help')", "validate", "missing.json")]
    [InlineData("error: unknown command, option or argument 'valdate' (see 'JourneyPlugin.Server --help')", "valdate", "welcome-offer.json")]
    [InlineData("error: Option '--audience' is required. (see 'JourneyPlugin.Server run --help')", "run", "welcome-offer.json")]
    [InlineData("error: unknown command, option or argument '--dry' (see 'JourneyPlugin.Server run --help')", "run", "welcome-offer.json", "--audience", "welcome-offer.json", "--dry")]
    [InlineData("error: --until: expected an ISO 8601 duration such as PT2H, P2D or P1DT30M, got '2 days' (see 'JourneyPlugin.Server test --help')", "test", "welcome-offer.json", "--replies", "welcome-offer.json", "--until", "2 days")]
    [InlineData("error: --until: must be longer than zero, got 'PT0S' (see 'JourneyPlugin.Server test --help')", "test", "welcome-offer.json", "--replies", "welcome-offer.json", "--until", "PT0S")]
    public async Task A_bad_argument_gives_one_line_and_exit_code_2(string expected, params string[] args)
    {
        var result = await CommandLine.RunAsync([.. args.Select(a => a.EndsWith(".json", StringComparison.Ordinal) && a != "missing.json" ? CommandLine.Journey(a) : a)]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal([expected], result.ErrorLines);
        Assert.Empty(result.Output);
    }
}

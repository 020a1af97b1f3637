using System.Text.Json.Nodes;

namespace JourneyPlugin.Server.Tests.Cli;

/// <summary><c>validate</c>: the project's validator over files, one line per problem, exit codes 0 and 1.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>welcome-offer.json with its first template renamed to one the sandbox does not have, and a connection to nowhere.</summary>
    private string BadJourney()
    {
        var json = JsonNode.Parse(File.ReadAllText(CommandLine.Journey("welcome-offer.json")))!;
        json["root"]!["activities"]![1]!["templateName"]!["expression"]!["value"] = "no_such_template";
        json["root"]!["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "4d0bf706e6c632a8", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "ghost", ["port"] = "In" },
        });
        return _files.File("bad-offer.json", json.ToJsonString());
    }

    [Fact]
    public async Task The_example_journeys_are_valid_and_exit_with_0()
    {
        var result = await CommandLine.RunAsync("validate", CommandLine.Journey("welcome-offer.json"), CommandLine.Journey("abandoned-cart.json"), CommandLine.Journey("appointment-reminder.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["3 files: 3 valid, 0 invalid (0 errors, 0 warnings)"], result.OutputLines);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Each_problem_is_a_line_with_file_json_path_and_reason_and_the_exit_code_is_1()
    {
        var bad = BadJourney();
        var notJson = _files.File("broken.json", "{ \"root\": { \"type\": \"Elsa.Flowchart\", \"activities\": 5 } }");

        var result = await CommandLine.RunAsync("validate", CommandLine.Journey("welcome-offer.json"), bad, notJson);

        Assert.True(result.ExitCode == 1, result.ToString());
        var badName = bad;
        Assert.Contains(
            $"{badName}: $.root.activities[1].templateName: template 'no_such_template' does not exist in connection 'sandbox'",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains(result.OutputLines, l => l.StartsWith($"{badName}: $.root.connections[", StringComparison.Ordinal) && l.Contains("'ghost', which is not a step of this journey", StringComparison.Ordinal));
        Assert.Contains($"{notJson}: $.id: required field is missing", result.OutputLines);
        Assert.DoesNotContain(result.OutputLines, l => l.Contains("welcome-offer.json:", StringComparison.Ordinal));
        Assert.Equal("3 files: 1 valid, 2 invalid (3 errors, 0 warnings)", result.OutputLines[^1]);
    }

    [Fact]
    public async Task A_warning_is_printed_but_the_journey_stays_valid()
    {
        var json = JsonNode.Parse(File.ReadAllText(CommandLine.Journey("welcome-offer.json")))!;
        var activities = json["root"]!["activities"]!.AsArray();
        var orphan = activities[activities.Count - 1]!.DeepClone();
        orphan["id"] = "orphan";
        orphan["name"] = "Forgotten end";
        activities.Add(orphan);
        var file = _files.File("orphan.json", json.ToJsonString());

        var result = await CommandLine.RunAsync("validate", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.OutputLines, l => l.EndsWith("warning: 'Forgotten end' cannot be reached from the start", StringComparison.Ordinal));
        Assert.Equal("1 file: 1 valid, 0 invalid (0 errors, 1 warning)", result.OutputLines[^1]);
    }

    [Fact]
    public async Task With_a_connection_every_step_is_checked_as_if_it_used_it()
    {
        var result = await CommandLine.RunAsync("validate", CommandLine.Journey("welcome-offer.json"), "--connection", "marketing");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["error: --connection: there is no connection 'marketing' (known: sandbox)"], result.ErrorLines);
    }
}

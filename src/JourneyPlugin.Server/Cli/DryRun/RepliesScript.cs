namespace JourneyPlugin.Server.Cli.DryRun;

/// <summary>
/// The script of a dry run, e.g.
/// <c>{"start":"2026-11-24T09:00:00Z","customers":[{"phone":"+84912345678","attributes":{"first_name":"An"},"replies":[{"after":"PT2H","text":"YES"}]}]}</c>.
/// </summary>
/// <param name="Start">The simulated time the journeys start at, if given.</param>
/// <param name="Customers">The customers, each enrolled at the start.</param>
internal sealed record RepliesScript(DateTimeOffset? Start, IReadOnlyList<ScriptedCustomer> Customers);

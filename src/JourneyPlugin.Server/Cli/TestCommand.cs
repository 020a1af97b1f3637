using System.CommandLine;
using System.CommandLine.Parsing;
using JourneyPlugin.Infobip.Sandbox.DryRun;
using JourneyPlugin.Server.Cli.DryRun;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.Server.Cli;

/// <summary>
/// <c>test &lt;journey.json&gt; --replies &lt;script.json&gt; [--until &lt;duration&gt;]</c>: a dry run against the
/// sandbox with scripted replies and a simulated clock, printing each customer's path.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var journey = FileArguments.Existing(new Argument<FileInfo>("journey") { Description = "The journey file (Elsa 3 workflow-definition JSON)." }).AcceptExistingOnly();
        var replies = new Option<FileInfo>("--replies")
        {
            Description = "The script: {\"start\": \"2026-11-24T09:00:00Z\" (optional), \"customers\": [{\"phone\": \"+84912345678\", "
                + "\"attributes\": {\"first_name\": \"An\"}, \"replies\": [{\"after\": \"PT2H\", \"text\": \"YES\"}]}]}. "
                + "Each reply is written 'after' the previous one (the first: after the start).",
            Required = true,
            HelpName = "script.json",
        }.AcceptExistingOnly();
        var until = new Option<TimeSpan>("--until")
        {
            Description = "How much simulated time the dry run covers at most, as an ISO 8601 duration.",
            DefaultValueFactory = _ => TimeSpan.FromDays(30),
            CustomParser = ParseDuration,
            HelpName = "duration",
        };
        var command = new Command("test", "Dry-run a journey against the Infobip sandbox with scripted customer replies and a simulated clock; prints each customer's path. Every WhatsApp step uses the sandbox; nothing reaches a real customer.")
        {
            journey,
            replies,
            until,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(journey),
            parseResult.GetRequiredValue(replies),
            parseResult.GetValue(until),
            parseResult.InvocationConfiguration,
            cancellationToken));
        return command;
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (IsoDuration.TryParse(text, out var duration, out var reason) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        result.AddError($"--until: {reason ?? $"must be longer than zero, got '{text}'"}");
        return default;
    }

    private static async Task<int> RunAsync(FileInfo journeyFile, FileInfo scriptFile, TimeSpan until, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var output = console.Output;
        var error = console.Error;
        var script = RepliesScriptReader.Read(await File.ReadAllTextAsync(scriptFile.FullName, cancellationToken).ConfigureAwait(false), out var scriptProblems);
        if (script is null)
        {
            foreach (var problem in scriptProblems)
            {
                await error.WriteLineAsync($"{scriptFile.Name}: {problem}").ConfigureAwait(false);
            }

            return ExitCodes.UsageError;
        }

        WorkflowDefinition definition;
        try
        {
            definition = JourneyConnections.Use(await WorkflowDefinition.LoadAsync(journeyFile.FullName, cancellationToken).ConfigureAwait(false), SandboxJourneyHost.ConnectionName);
        }
        catch (WorkflowDefinitionFormatException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var start = script.Start ?? TruncateToMinute(TimeProvider.System.GetUtcNow());
        var recorder = new PathRecorder();
        var host = new SandboxJourneyHost(start: start, listener: recorder);
        await using (host.ConfigureAwait(false))
        {
            var problems = (await host.Validator.ValidateAsync(definition, cancellationToken).ConfigureAwait(false)).Problems;
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            if (problems.Any(p => p.Severity == ValidationSeverity.Error))
            {
                return ExitCodes.Failure;
            }

            var workflow = host.Load(definition);
            await output.WriteLineAsync(
                $"Dry run of '{definition.Name ?? definition.DefinitionId}' ({journeyFile.Name}) against the Infobip sandbox: {Count(script.Customers.Count, "customer")}, simulated from {start:yyyy-MM-dd HH:mm} UTC for at most {PathPrinter.Offset(until)[1..]}").ConfigureAwait(false);
            await DryRunSimulation.RunAsync(host, workflow, script, recorder, until, cancellationToken).ConfigureAwait(false);

            var sent = host.Sandbox.AcceptedMessages;
            foreach (var customer in script.Customers)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
                var state = host.State(workflow.DefinitionId, customer.Digits);
                var path = recorder.PathOf(state.InstanceId);
                await PathPrinter.PrintAsync(output, workflow, customer, state, path, sent, start).ConfigureAwait(false);
            }

            var states = host.Instances;
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(
                $"{Count(states.Count, "customer")}: {states.Count(s => s.Status == WorkflowStatus.Finished)} finished, {states.Count(s => s.Status == WorkflowStatus.Suspended)} waiting, "
                + $"{states.Count(s => s.Status == WorkflowStatus.Faulted)} faulted; {Count(sent.Count, "message")} sent to the sandbox").ConfigureAwait(false);
            return states.Any(s => s.Status == WorkflowStatus.Faulted) ? ExitCodes.Failure : ExitCodes.Success;
        }
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    private static DateTimeOffset TruncateToMinute(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}

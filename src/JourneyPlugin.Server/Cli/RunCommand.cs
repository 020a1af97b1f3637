using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Campaigns.Audience;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.Server.Cli;

/// <summary>
/// <c>run &lt;journey.json&gt; --audience &lt;file&gt; [--connection &lt;name&gt;] [--data &lt;dir&gt;]</c>: a campaign run
/// on the embedded runtime of the server itself, watched until every instance has finished or waits.
/// </summary>
internal static class RunCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    // Once every instance has finished or waits, delivery reports still on their way are waited for this long at most.
    private static readonly TimeSpan ReportGrace = TimeSpan.FromSeconds(15);

    public static Command Create()
    {
        var journey = FileArguments.Existing(new Argument<FileInfo>("journey") { Description = "The journey file (Elsa 3 workflow-definition JSON)." }).AcceptExistingOnly();
        var audience = new Option<FileInfo>("--audience")
        {
            Description = "The audience: CSV with a header row and a phone column, or JSON lines with a phone field.",
            Required = true,
            HelpName = "file",
        }.AcceptExistingOnly();
        var connection = ConnectionOption.Create(
            $"The connection every WhatsApp step sends through: '{SandboxOptions.ConnectionName}' (the in-process Infobip sandbox, the default) "
            + "or one configured in appsettings.json or the environment (JourneyPlugin:Connections:<name>).");
        var data = new Option<string>("--data")
        {
            Description = "Where the SQLite file lives.",
            DefaultValueFactory = _ => "data",
            HelpName = "dir",
        };
        var command = new Command("run", "Run a campaign: enrol the audience into the journey on the embedded runtime and follow it until every customer's journey has finished or waits; prints live progress and the funnel.")
        {
            journey,
            audience,
            connection,
            data,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(journey),
            parseResult.GetRequiredValue(audience),
            parseResult.GetValue(connection) ?? SandboxOptions.ConnectionName,
            parseResult.GetRequiredValue(data),
            parseResult.InvocationConfiguration,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo journeyFile, FileInfo audienceFile, string connection, string dataDirectory, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var output = console.Output;
        var error = console.Error;
        WorkflowDefinition definition;
        try
        {
            definition = JourneyConnections.Use(await WorkflowDefinition.LoadAsync(journeyFile.FullName, cancellationToken).ConfigureAwait(false), connection);
        }
        catch (WorkflowDefinitionFormatException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var rows = await AudienceRowsAsync(audienceFile, cancellationToken).ConfigureAwait(false);

        // The server loads the journey from a directory of its own: other files next to it are not this run's business.
        var workflows = Directory.CreateTempSubdirectory("journeyplugin-run-");
        try
        {
            await definition.SaveAsync(Path.Combine(workflows.FullName, journeyFile.Name), cancellationToken).ConfigureAwait(false);
            CliServer server;
            try
            {
                server = await CliServer.StartAsync(dataDirectory, workflows.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ConfigurationErrors.Of(e) is { Count: > 0 } errors)
            {
                foreach (var problem in errors)
                {
                    await error.WriteLineAsync(problem).ConfigureAwait(false);
                }

                return ExitCodes.Failure;
            }

            await using (server.ConfigureAwait(false))
            {
                var services = server.Services;
                if (await services.GetRequiredService<IWhatsAppGateway>().GetSenderAsync(connection, cancellationToken).ConfigureAwait(false) is null)
                {
                    throw new UsageException($"--connection: there is no connection '{connection}'; configure it as JourneyPlugin:Connections:{connection} in appsettings.json or the environment");
                }

                var problems = (await services.GetRequiredService<WorkflowValidator>().ValidateAsync(definition, cancellationToken).ConfigureAwait(false)).Problems;
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
                }

                if (problems.Any(p => p.Severity == ValidationSeverity.Error))
                {
                    await error.WriteLineAsync("The journey has errors; nothing was sent.").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }

                var workflow = await services.GetRequiredService<IJourneyDefinitionProvider>().FindAsync(definition.DefinitionId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The server did not load the journey '{definition.DefinitionId}'.");
                return await FollowAsync(services, workflow, audienceFile, rows, connection, output, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            workflows.Delete(recursive: true);
        }
    }

    private static async Task<int> FollowAsync(IServiceProvider services, Workflow workflow, FileInfo audienceFile, (long Count, long FirstRowNumber) rows, string connection, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = services.GetRequiredService<IRunStore>();
        var instances = services.GetRequiredService<IJourneyInstanceStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var runId = $"cli-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var run = services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignRunGrain>(runId);
        var name = workflow.Definition.Name ?? workflow.DefinitionId;

        await output.WriteLineAsync($"Run {runId}: journey '{name}' ({workflow.DefinitionId}) over {audienceFile.Name}, {rows.Count:N0} rows, through connection '{connection}'").ConfigureAwait(false);
        var started = Stopwatch.StartNew();
        var snapshot = await run.StartAsync(new CampaignStartRequest { DefinitionId = workflow.DefinitionId, Name = $"{name} (command line)", AudiencePath = audienceFile.FullName }).ConfigureAwait(false);

        var display = new ProgressDisplay(output, ProgressDisplay.IsTerminal(output), time);
        Stopwatch? quiet = null;
        RunFunnel funnel;
        IReadOnlyDictionary<string, int> statuses;
        var interrupted = false;
        (long Sent, TimeSpan At) lastSend = (0, TimeSpan.Zero);
        while (true)
        {
            snapshot = await run.GetAsync().ConfigureAwait(false) ?? snapshot;
            funnel = await runs.GetFunnelAsync(runId, CancellationToken.None).ConfigureAwait(false);
            statuses = await instances.CountStatusesAsync(runId, CancellationToken.None).ConfigureAwait(false);
            // The rate is over the time sends took, so it does not fade while the last delivery reports come in.
            lastSend = funnel.Total.Sent > lastSend.Sent ? (funnel.Total.Sent, started.Elapsed) : lastSend;
            var line = Progress(RowsDone(snapshot, rows), rows.Count, funnel.Total, statuses, started.Elapsed, lastSend.At);
            var settled = snapshot.EnrolmentFinished
                && statuses.Values.Sum() >= funnel.Total.Enrolled
                && statuses.GetValueOrDefault(nameof(WorkflowStatus.Running)) == 0;
            quiet = settled ? quiet ?? Stopwatch.StartNew() : null;
            var reported = funnel.Total.Delivered + funnel.Total.Failed >= funnel.Total.Sent;
            if (quiet is not null && (reported || quiet.Elapsed >= ReportGrace))
            {
                await display.CompleteAsync(line).ConfigureAwait(false);
                break;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                await display.CompleteAsync(line + " (interrupted)").ConfigureAwait(false);
                await run.PauseAsync().ConfigureAwait(false);
                break;
            }

            await display.ShowAsync(line).ConfigureAwait(false);
            try
            {
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shown and paused on the next turn.
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteAsync(FunnelTable.Render(funnel, workflow)).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"rows: {RowsDone(snapshot, rows):N0} read, {snapshot.RowsRejected:N0} rejected; instances: {Statuses(statuses)}; {started.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
        foreach (var rejected in await runs.ListRejectedRowsAsync(runId, 0, 10, CancellationToken.None).ConfigureAwait(false))
        {
            await output.WriteLineAsync($"  {rejected.Reason}").ConfigureAwait(false);
        }

        if (snapshot.RowsRejected > 10)
        {
            await output.WriteLineAsync($"  … and {snapshot.RowsRejected - 10:N0} more rejected rows").ConfigureAwait(false);
        }

        return interrupted || statuses.GetValueOrDefault(nameof(WorkflowStatus.Faulted)) > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    // The run's cursor is a row number (a CSV's header is row 1); people count data rows.
    private static long RowsDone(CampaignRunSnapshot run, (long Count, long FirstRowNumber) rows) =>
        Math.Clamp(run.RowsRead - rows.FirstRowNumber + 1, 0, rows.Count);

    private static string Progress(long rowsDone, long rows, FunnelCounts funnel, IReadOnlyDictionary<string, int> statuses, TimeSpan elapsed, TimeSpan sending)
    {
        var rate = sending.TotalSeconds > 0 ? funnel.Sent / sending.TotalSeconds : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{elapsed:mm\\:ss}  rows {rowsDone:N0}/{rows:N0}  enrolled {funnel.Enrolled:N0}  sent {funnel.Sent:N0} ({rate:0.0}/s)  delivered {funnel.Delivered:N0}  "
            + $"seen {funnel.Seen:N0}  replied {funnel.Replied:N0}  failed {funnel.Failed:N0}  running {statuses.GetValueOrDefault(nameof(WorkflowStatus.Running)):N0}  "
            + $"waiting {statuses.GetValueOrDefault(nameof(WorkflowStatus.Suspended)):N0}  finished {statuses.GetValueOrDefault(nameof(WorkflowStatus.Finished)):N0}");
    }

    private static string Statuses(IReadOnlyDictionary<string, int> statuses) => statuses.Count == 0
        ? "none"
        : string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{(s.Key == nameof(WorkflowStatus.Suspended) ? "waiting" : s.Key.ToLowerInvariant())} {s.Value:N0}"));

    /// <summary>
    /// How many data rows the audience has and the number of the first, read once before the run so progress can
    /// show how far it is, and a file that is no audience at all is refused before anything starts.
    /// </summary>
    private static async Task<(long Count, long FirstRowNumber)> AudienceRowsAsync(FileInfo audience, CancellationToken cancellationToken)
    {
        var stream = audience.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            var head = new byte[512];
            var read = await stream.ReadAsync(head, cancellationToken).ConfigureAwait(false);
            stream.Position = 0;
            long rows = 0, first = 1;
            try
            {
                await foreach (var row in AudienceReader.ReadAsync(stream, AudienceReader.Detect(audience.Name, head.AsSpan(0, read)), cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    first = rows++ == 0 ? row.RowNumber : first;
                }
            }
            catch (AudienceFormatException e)
            {
                throw new UsageException($"--audience: {audience.Name}: {e.Message}", e);
            }

            return (rows, first);
        }
    }
}

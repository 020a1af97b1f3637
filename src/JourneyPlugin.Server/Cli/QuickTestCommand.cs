using System.CommandLine;
using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Connections;
using JourneyPlugin.Server.Connections.Storage;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Cli;

/// <summary>
/// <c>quick-test --connection &lt;name&gt; [--to &lt;number&gt;] [--text &lt;text&gt;] [--data &lt;dir&gt;]</c>: the Quick Test of
/// <c>POST /api/connections/{name}/quick-test</c> from the terminal, through the server's own connections: the sandbox,
/// configured ones and those created through the API (stored under <c>--data</c>, their secrets decrypted with the master key).
/// </summary>
internal static class QuickTestCommand
{
    /// <param name="settings">Settings on top of appsettings.json and the environment (tests use them); null for none.</param>
    public static Command Create(IConfiguration? settings)
    {
        var connection = ConnectionOption.Create(
            $"The connection to test: '{SandboxOptions.ConnectionName}' (the in-process Infobip sandbox), one configured in appsettings.json "
            + "or the environment (JourneyPlugin:Connections:<name>), or one created through the API (stored under --data).");
        connection.Required = true;
        var to = new Option<string?>("--to")
        {
            Description = "The recipient, digits with the country code (e.g. 84912345678); default: the connection's quick-test recipient.",
            HelpName = "number",
        };
        var text = new Option<string?>("--text")
        {
            Description = $"The message (1 to {QuickTest.MaxTextLength} characters); default: a test text naming the connection.",
            HelpName = "text",
        };
        var data = new Option<string>("--data")
        {
            Description = "The server's data directory, where connections created through the API are stored.",
            DefaultValueFactory = _ => "data",
            HelpName = "dir",
        };
        var command = new Command(
            "quick-test",
            "Send one test message through a connection and print the vendor's answer as is with our reading of it; "
            + "exit code 0 when the vendor accepted it, 1 when it refused it or its answer was lost.")
        {
            connection,
            to,
            text,
            data,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(connection)!,
            parseResult.GetValue(to),
            parseResult.GetValue(text),
            parseResult.GetRequiredValue(data),
            settings,
            parseResult.InvocationConfiguration,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string name, string? to, string? text, string dataDirectory, IConfiguration? settings, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var output = console.Output;
        var error = console.Error;
        WebApplication app;
        try
        {
            // Composed, not started: a quick test must not resume the journeys waiting in the data directory.
            app = CliServer.Build(dataDirectory, workflowsDirectory: null, settings);
        }
        catch (ServerConfigurationException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (app.ConfigureAwait(false))
        {
            var services = app.Services;
            try
            {
                await services.GetRequiredService<SqliteConnectionStore>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ServerConfigurationException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var quickTest = services.GetRequiredService<QuickTest>();
            if (quickTest.Find(name) is not { } found)
            {
                var known = services.GetRequiredService<ConnectionCatalog>().List().Select(c => c.Name);
                throw new UsageException($"--connection: there is no connection '{name}' (known: {string.Join(", ", known)})");
            }

            var problems = QuickTest.Validate(found, to, text, out var recipient);
            if (problems.Count > 0)
            {
                return await UsageErrorsAsync(error, problems).ConfigureAwait(false);
            }

            QuickTestResult result;
            try
            {
                result = await quickTest.RunAsync(found, recipient, text, cancellationToken).ConfigureAwait(false);
            }
            catch (OptionsValidationException e)
            {
                await error.WriteLineAsync($"The settings of connection '{name}' are not usable: {string.Join("; ", e.Failures)}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            if (result.Error is { Kind: InfobipErrorKind.InvalidRequest } invalid)
            {
                // Checked before any request: the fields are the command's own (--to, --text), not the vendor's.
                return await UsageErrorsAsync(error, invalid.FieldErrors
                    .GroupBy(f => f.Field.EndsWith("to", StringComparison.Ordinal) ? "to" : "text")
                    .ToDictionary(g => g.Key, g => g.Select(f => f.Reason).ToArray())).ConfigureAwait(false);
            }

            await PrintAsync(output, result).ConfigureAwait(false);
            return result.Accepted ? ExitCodes.Success : ExitCodes.Failure;
        }
    }

    private static async Task PrintAsync(TextWriter output, QuickTestResult result)
    {
        var outcome = result.Outcome switch
        {
            InfobipSendOutcome.Accepted => "accepted",
            InfobipSendOutcome.OutcomeUnknown => "outcome unknown",
            _ => "not accepted",
        };
        var status = result.HttpStatus is { } http ? $"HTTP {http}" : "no answer";
        await output.WriteLineAsync($"Quick test of connection '{result.Connection}' to {result.To}: {outcome} ({status}), message id {result.MessageId}").ConfigureAwait(false);
        await output.WriteLineAsync("Vendor's answer, as received:").ConfigureAwait(false);
        await output.WriteLineAsync(string.IsNullOrEmpty(result.VendorResponse) ? "(none)" : result.VendorResponse).ConfigureAwait(false);
        await output.WriteLineAsync($"Reading: {result.Reading}").ConfigureAwait(false);
    }

    private static async Task<int> UsageErrorsAsync(TextWriter error, Dictionary<string, string[]> problems)
    {
        foreach (var (field, reasons) in problems)
        {
            foreach (var reason in reasons)
            {
                await error.WriteLineAsync($"error: --{field}: {reason} (see '{JourneyPluginCommandLine.ExecutableName} quick-test --help')").ConfigureAwait(false);
            }
        }

        return ExitCodes.UsageError;
    }
}

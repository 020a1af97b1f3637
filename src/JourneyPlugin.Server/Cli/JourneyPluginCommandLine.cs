using System.CommandLine;
using System.CommandLine.Help;

namespace JourneyPlugin.Server.Cli;

/// <summary>
/// The server executable's commands: <c>validate</c>, <c>run</c>, <c>test</c>, <c>quick-test</c>. Without a command (or with
/// only settings such as <c>--urls</c> or <c>--JourneyPlugin:DataDirectory</c>) the executable starts the server.
/// </summary>
internal static class JourneyPluginCommandLine
{
    /// <summary>The executable's name in messages (whatever host runs it, e.g. a test host).</summary>
    public const string ExecutableName = "JourneyPlugin.Server";

    private static readonly HashSet<string> HelpTokens = new(StringComparer.Ordinal) { "-h", "--help", "-?", "/?", "/h", "--version" };

    /// <summary>
    /// Whether <paramref name="args"/> are for the command line rather than the server: a command, help,
    /// or a bare word (a mistyped command is reported, not taken for a setting). ASP.NET Core's own
    /// forms (<c>--key value</c>, <c>--key=value</c>, <c>/key value</c>, <c>key=value</c>) start the server.
    /// </summary>
    public static bool Handles(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return false;
        }

        var first = args[0];
        return HelpTokens.Contains(first) || (!first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=', StringComparison.Ordinal));
    }

    /// <summary>The command tree; <paramref name="settings"/> come on top of appsettings.json and the environment (tests use them).</summary>
    public static RootCommand Create(IConfiguration? settings = null)
    {
        var root = new RootCommand(
            "JourneyPlugin: WhatsApp for customer journeys. Without a command (or with only settings such as --urls http://localhost:5080 "
            + "or --JourneyPlugin:DataDirectory data) it starts the server on the embedded defaults.")
        {
            ValidateCommand.Create(),
            RunCommand.Create(),
            TestCommand.Create(),
            QuickTestCommand.Create(settings),
        };
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A parse error prints one line on <paramref name="error"/> and
    /// returns <see cref="ExitCodes.UsageError"/>; so does a <see cref="UsageException"/> thrown by a command.
    /// </summary>
    public static Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        InvokeAsync(args, output, error, settings: null, cancellationToken);

    /// <summary>
    /// As <see cref="InvokeAsync(IReadOnlyList{string}, TextWriter, TextWriter, CancellationToken)"/>, with <paramref name="settings"/>
    /// on top of appsettings.json and the environment for the commands that compose the server.
    /// </summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IConfiguration? settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parseResult = Create(settings).Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            // An unknown word explains the other errors it causes ("Required command was not provided"): it goes first.
            var message = parseResult.UnmatchedTokens.Count > 0
                ? $"unknown command, option or argument '{parseResult.UnmatchedTokens[0]}'"
                : parseResult.Errors[0].Message;
            await error.WriteLineAsync($"error: {message} (see '{CommandPath(parseResult)} --help')").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var command = parseResult.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, command.Command is RootCommand ? ExecutableName : command.Command.Name);
        }

        return string.Join(' ', names);
    }
}

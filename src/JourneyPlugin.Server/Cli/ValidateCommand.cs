using System.CommandLine;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.Server.Cli;

/// <summary><c>validate &lt;files...&gt; [--connection &lt;name&gt;]</c>: checks journey files and prints each problem.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = FileArguments.Existing(new Argument<FileInfo[]>("files")
        {
            Description = "The journey files (Elsa 3 workflow-definition JSON).",
            Arity = ArgumentArity.OneOrMore,
        }).AcceptExistingOnly();
        var connection = ConnectionOption.Create(
            "Check every WhatsApp step as if it used this connection (as 'run --connection' runs it). "
            + "Without it each step's own connection is checked: 'sandbox' against the sandbox's templates, "
            + "connections configured in appsettings.json or the environment against their Infobip account.");

        var command = new Command("validate", "Validate journey files: prints 'file: JSON path: reason' for each error and warning; exit code 0 when all are valid, 1 otherwise.")
        {
            files,
            connection,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(files),
            parseResult.GetValue(connection),
            parseResult.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo[] files, string? connection, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = ValidationServices.Create(ValidationServices.ReadConfiguration());
        if (connection is not null && !services.Connections.Contains(connection, StringComparer.Ordinal))
        {
            throw new UsageException($"--connection: there is no connection '{connection}' (known: {string.Join(", ", services.Connections)})");
        }

        int valid = 0, errors = 0, warnings = 0;
        foreach (var file in files)
        {
            var problems = await ValidateAsync(services.Validator, file, connection, cancellationToken).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await output.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            errors += problems.Count(p => p.Severity == ValidationSeverity.Error);
            warnings += problems.Count(p => p.Severity == ValidationSeverity.Warning);
            valid += problems.All(p => p.Severity != ValidationSeverity.Error) ? 1 : 0;
        }

        await output.WriteLineAsync($"{files.Length} {Plural(files.Length, "file")}: {valid} valid, {files.Length - valid} invalid ({errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")})").ConfigureAwait(false);
        return valid == files.Length ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The problems of one file; a file that is not a journey at all gives one problem with the format error's path.</summary>
    public static async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(WorkflowValidator validator, FileInfo file, string? connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(file);
        var source = file.ToString(); // the path as the user wrote it
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowDefinition.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false), source);
        }
        catch (WorkflowDefinitionFormatException e)
        {
            return [new ValidationProblem(source, e.JsonPath, e.Reason)];
        }

        if (connection is not null)
        {
            definition = JourneyConnections.Use(definition, connection);
        }

        return (await validator.ValidateAsync(definition, cancellationToken).ConfigureAwait(false)).Problems;
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}

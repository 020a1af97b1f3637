using System.CommandLine;

namespace JourneyPlugin.Server.Cli;

/// <summary>File arguments that must exist, and that report a mistyped option as such rather than as a missing file.</summary>
internal static class FileArguments
{
    public static Argument<T> Existing<T>(Argument<T> argument)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } token)
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
        return argument;
    }
}

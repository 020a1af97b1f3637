using System.CommandLine;

namespace JourneyPlugin.Server.Cli;

/// <summary>The <c>--connection &lt;name&gt;</c> option the commands share.</summary>
internal static class ConnectionOption
{
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--connection") { Description = description, HelpName = "name" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && string.IsNullOrWhiteSpace(name))
            {
                result.AddError("--connection must name a connection, e.g. --connection sandbox.");
            }
        });
        return option;
    }
}

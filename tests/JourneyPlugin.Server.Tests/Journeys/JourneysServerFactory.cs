extern alias Sandbox;

using JourneyPlugin.Server.Hosting;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Sandbox::JourneyPlugin.Infobip.Sandbox;

namespace JourneyPlugin.Server.Tests.Journeys;

/// <summary>
/// The server with a workflows directory of its own (a copy of <c>workflows/</c> plus a journey whose file is not named
/// after its id), so tests can save and delete journeys without touching the shared files.
/// </summary>
public sealed class JourneysServerFactory : ServerFactory
{
    /// <summary>A journey whose file name differs from its id.</summary>
    public const string OddlyNamedId = "renamed-journey";

    /// <summary>The file that holds <see cref="OddlyNamedId"/>.</summary>
    public const string OddlyNamedFile = "an-older-name.json";

    /// <summary>A journey that cannot load (an unknown activity type), on disk when the server starts.</summary>
    public const string BrokenAtStartId = "broken-at-start";

    public JourneysServerFactory()
    {
        WorkflowsDirectory = Path.Combine(DataDirectory, "workflows");
        Directory.CreateDirectory(WorkflowsDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json"))
        {
            File.Copy(file, Path.Combine(WorkflowsDirectory, Path.GetFileName(file)));
        }

        // In the project's layout, as a file saved before would be.
        File.WriteAllText(Path.Combine(WorkflowsDirectory, OddlyNamedFile), WorkflowDefinition.Parse(JourneyJson.SendTemplate(OddlyNamedId, "Renamed journey")).ToJson());
        var broken = JourneyJson.SendTemplateNode(BrokenAtStartId, "Saved with errors earlier");
        JourneyJson.Activity(broken, 1)["type"] = "Journeys.SendFax";
        File.WriteAllText(Path.Combine(WorkflowsDirectory, BrokenAtStartId + ".json"), broken.ToJsonString());
    }

    /// <summary>The workflows directory the server reads and writes.</summary>
    public string WorkflowsDirectory { get; }

    /// <summary>What the in-process sandbox accepted.</summary>
    internal IReadOnlyList<SandboxMessage> SandboxMessages => Services.GetRequiredService<EmbeddedSandbox>().Sandbox.AcceptedMessages;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("JourneyPlugin:WorkflowsDirectory", WorkflowsDirectory)];
}

using System.Globalization;
using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Server.Tests.Runs;

/// <summary>
/// The server on Kestrel (the in-process sandbox posts its webhooks back over HTTP), with a workflows
/// directory of its own: welcome-offer.json as shipped and a copy with a template error. Enrolment
/// is paced (small batches) so that a run can be paused in the middle, and audiences are capped at
/// <see cref="MaxAudienceBytes"/> so that the limit can be tested without a gigabyte.
/// </summary>
public class RunServerFactory : ServerFactory
{
    public const long MaxAudienceBytes = 256 * 1024;
    public const string BrokenJourneyId = "broken-offer";

    private readonly int _port = TestPorts.Next();

    public RunServerFactory()
    {
        WorkflowsDirectory = Path.Combine(DataDirectory, "..", Path.GetFileName(DataDirectory) + "-workflows");
        Directory.CreateDirectory(WorkflowsDirectory);
        var source = Path.Combine(AppContext.BaseDirectory, "workflows", "welcome-offer.json");
        File.Copy(source, Path.Combine(WorkflowsDirectory, "welcome-offer.json"));

        // A journey that loads but does not validate: an unclosed Scriban tag in a message.
        var broken = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        broken["definitionId"] = BrokenJourneyId;
        broken["id"] = "0b0b0b0b0b0b0b0b";
        var deals = broken["root"]!["activities"]!.AsArray().Single(a => (string?)a!["name"] == "Send deals")!;
        deals["text"]!["expression"]!["value"] = "Great, {{ customer.first_name ! Here are the deals.";
        File.WriteAllText(Path.Combine(WorkflowsDirectory, BrokenJourneyId + ".json"), broken.ToJsonString());
        UseKestrel(_port);
    }

    public string WorkflowsDirectory { get; }

    public string AudiencesDirectory => Path.Combine(DataDirectory, "audiences");

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("urls", "http://127.0.0.1:" + _port.ToString(CultureInfo.InvariantCulture)),
        new("JourneyPlugin:WorkflowsDirectory", WorkflowsDirectory),
        new("JourneyPlugin:Runs:MaxAudienceBytes", MaxAudienceBytes.ToString(CultureInfo.InvariantCulture)),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<CampaignOptions>(o =>
        {
            o.BatchSize = 20;
            o.BatchInterval = TimeSpan.FromMilliseconds(50);
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(WorkflowsDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp directory's cleanup.
        }
    }
}

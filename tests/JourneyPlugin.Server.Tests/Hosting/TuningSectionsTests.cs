using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Server.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Tests.Hosting;

/// <summary>The tuning sections of the settings reach the modules they tune.</summary>
public sealed class TuningSectionsTests
{
    [Fact]
    public async Task Each_tuning_section_sets_its_module_options()
    {
        using var data = new Cli.TempDirectory();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyPlugin:Infobip:MaxTemplatesPerRequest"] = "42",
            ["JourneyPlugin:Settlement:Window"] = "00:07:00",
            ["JourneyPlugin:Runtime:TimeoutScanInterval"] = "00:00:03",
            ["JourneyPlugin:Runtime:TimeoutFiringParallelism"] = "48",
            ["JourneyPlugin:Campaigns:BatchSize"] = "321",
        }).Build();

        var app = CliServer.Build(data.Path, workflowsDirectory: null, settings);
        await using (app)
        {
            var services = app.Services;
            Assert.Equal(42, services.GetRequiredService<IOptions<InfobipClientOptions>>().Value.MaxTemplatesPerRequest);
            Assert.Equal(TimeSpan.FromMinutes(7), services.GetRequiredService<IOptions<SettlementOptions>>().Value.Window);
            var runtime = services.GetRequiredService<IOptions<JourneyRuntimeOptions>>().Value;
            Assert.Equal((TimeSpan.FromSeconds(3), 48), (runtime.TimeoutScanInterval, runtime.TimeoutFiringParallelism));
            Assert.Equal(data.Path, runtime.DataDirectory);
            Assert.Equal(321, services.GetRequiredService<IOptions<CampaignOptions>>().Value.BatchSize);
        }
    }
}

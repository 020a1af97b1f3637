using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.WhatsApp.Messaging;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace JourneyPlugin.Infobip.Tests.Gateway;

/// <summary>
/// The gateway keeps each connection's template catalogue for a while, by the connection's settings, and
/// for a bounded number of settings: keys rotated again and again must not each leave one behind.
/// </summary>
public sealed class InfobipCatalogueCacheTests : IDisposable
{
    private const string Sender = "447860099299";
    private readonly WireMockServer _infobip = WireMockServer.Start();
    private ServiceProvider? _services;

    public InfobipCatalogueCacheTests()
    {
        _infobip.Given(Request.Create().WithPath($"/whatsapp/2/senders/{Sender}/templates").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                {"templates":[{"id":"1","name":"welcome_offer","language":"en","status":"APPROVED","category":"MARKETING","structure":{"body":{"text":"Hi {{1}}"}}}]}
                """));
    }

    public void Dispose()
    {
        _services?.Dispose();
        _infobip.Stop();
        _infobip.Dispose();
    }

    [Fact]
    public async Task A_catalogue_is_read_once_and_kept()
    {
        var gateway = Gateway(connections: 1);

        var first = await gateway.GetTemplatesAsync("c0");
        var second = await gateway.GetTemplatesAsync("c0");

        Assert.Equal("welcome_offer", Assert.Single(first!).Name);
        Assert.Equal(first, second);
        Assert.Equal(1, CatalogueReads("key-0"));
    }

    [Fact]
    public async Task Catalogues_are_kept_for_at_most_1024_connection_settings()
    {
        var gateway = Gateway(connections: 1025);
        await gateway.GetTemplatesAsync("c0");
        for (var i = 1; i < 1024; i++)
        {
            await gateway.GetTemplatesAsync($"c{i}");
        }

        // 1,024 kept: the first is still there.
        await gateway.GetTemplatesAsync("c0");
        Assert.Equal(1, CatalogueReads("key-0"));

        // The 1,025th makes room, and the first is read again when next used.
        await gateway.GetTemplatesAsync("c1024");
        await gateway.GetTemplatesAsync("c0");
        Assert.Equal(2, CatalogueReads("key-0"));
    }

    private int CatalogueReads(string apiKey) =>
        _infobip.LogEntries.Count(e => e.RequestMessage.Headers!["Authorization"].Single() == $"App {apiKey}");

    private IWhatsAppGateway Gateway(int connections)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJourneyPlugin(j =>
        {
            for (var i = 0; i < connections; i++)
            {
                var key = $"key-{i}";
                j.AddInfobip($"c{i}", o =>
                {
                    o.ApiKey = key;
                    o.BaseUrl = _infobip.Url!;
                    o.Sender = Sender;
                });
            }
        });
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IWhatsAppGateway>();
    }
}

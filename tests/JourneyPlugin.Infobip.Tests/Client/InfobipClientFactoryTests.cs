using JourneyPlugin.Infobip.Configuration;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Infobip.Tests.Client;

/// <summary>The factory validates a connection's settings once, and again whenever they change, even in the same options object.</summary>
public sealed class InfobipClientFactoryTests : IDisposable
{
    private readonly InfobipClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_connection_changed_after_a_first_client_is_validated_again()
    {
        var connection = new InfobipConnectionOptions { ApiKey = InfobipClientHarness.ApiKey, BaseUrl = _harness.Server.Url!, Sender = InfobipClientHarness.Sender };
        Assert.NotNull(_harness.Factory.CreateClient(connection));

        connection.Sender = "+447860099299";
        var exception = Assert.Throws<OptionsValidationException>(() => _harness.Factory.CreateClient(connection));
        Assert.Contains("Sender", exception.Message, StringComparison.Ordinal);

        connection.Sender = InfobipClientHarness.Sender;
        connection.BaseUrl = "ftp://example.com";
        Assert.Contains("BaseUrl", Assert.Throws<OptionsValidationException>(() => _harness.Factory.CreateClient(connection)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_setting_reaches_the_client_it_makes()
    {
        using var other = new InfobipClientHarness();
        var connection = new InfobipConnectionOptions { ApiKey = InfobipClientHarness.ApiKey, BaseUrl = _harness.Server.Url!, Sender = InfobipClientHarness.Sender };
        await Record.ExceptionAsync(() => _harness.Factory.CreateClient(connection).GetTemplatesAsync());
        var first = _harness.Server.LogEntries.Count;

        // The same values but another server: the client must go there, not where the first one went.
        connection.BaseUrl = other.Server.Url!;
        await Record.ExceptionAsync(() => _harness.Factory.CreateClient(connection).GetTemplatesAsync());

        Assert.NotEqual(0, first);
        Assert.Equal(first, _harness.Server.LogEntries.Count);
        Assert.NotEmpty(other.Server.LogEntries);
    }
}

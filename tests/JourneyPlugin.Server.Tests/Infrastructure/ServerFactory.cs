using JourneyPlugin.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JourneyPlugin.Server.Tests.Infrastructure;

/// <summary>
/// The real server on the ASP.NET Core test host: its own temp data directory and Orleans ports, the
/// journeys of <c>workflows/</c>, the in-process sandbox, and webhook connections with known secrets.
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    public const string SandboxHmacSecret = "sandbox-secret-0123456789";
    public const string BasicUser = "infobip";
    public const string BasicPassword = "basic-password-0123456789";
    public const string SignedHmacSecret = "signed-secret-0123456789abcdef";

    public ServerFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "journeyplugin-server-tests", Guid.NewGuid().ToString("N"));
    }

    public string DataDirectory { get; }

    /// <summary>Settings on top of the defaults, for subclasses.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JourneyPlugin:DataDirectory"] = DataDirectory,
            ["JourneyPlugin:WorkflowsDirectory"] = Path.Combine(AppContext.BaseDirectory, "workflows"),
            ["JourneyPlugin:SiloPort"] = TestPorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JourneyPlugin:GatewayPort"] = TestPorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JourneyPlugin:Webhooks:sandbox:HmacSecret"] = SandboxHmacSecret,
            // A second connection, authenticated with HTTP Basic, and a third with both mechanisms.
            ["JourneyPlugin:Connections:basic:ApiKey"] = "basic-api-key",
            ["JourneyPlugin:Connections:basic:BaseUrl"] = "https://basic.api.infobip.com",
            ["JourneyPlugin:Connections:basic:Sender"] = "447860099299",
            ["JourneyPlugin:Webhooks:basic:BasicUser"] = BasicUser,
            ["JourneyPlugin:Webhooks:basic:BasicPassword"] = BasicPassword,
            ["JourneyPlugin:Connections:signed:ApiKey"] = "signed-api-key",
            ["JourneyPlugin:Connections:signed:BaseUrl"] = "https://signed.api.infobip.com",
            ["JourneyPlugin:Connections:signed:Sender"] = "447860099298",
            ["JourneyPlugin:Webhooks:signed:BasicUser"] = BasicUser,
            ["JourneyPlugin:Webhooks:signed:BasicPassword"] = BasicPassword,
            ["JourneyPlugin:Webhooks:signed:HmacSecret"] = SignedHmacSecret,
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp directory's cleanup.
        }
    }
}

/// <summary>The server with an API token set.</summary>
public sealed class TokenServerFactory : ServerFactory
{
    public const string Token = "api-token-0123456789abcdef";

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("JourneyPlugin:ApiToken", Token)];
}

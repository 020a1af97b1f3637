extern alias Sandbox;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Globalization;
using JourneyPlugin.Server.Connections.Storage;
using JourneyPlugin.Server.Tests.Hosting;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.Testing;
using Sandbox::JourneyPlugin.Infobip.Sandbox;

namespace JourneyPlugin.Server.Tests.Connections;

/// <summary>Stored connections across restarts: the same data directory decrypts them; another master key stops the start and changes nothing.</summary>
[Collection(ConnectionTestGroup.Name)]
public sealed class ConnectionRestartTests : IAsyncLifetime
{
    private const string ApiKey = "restart-account-key-51c8e02d9a";
    private const string Sender = "447860022222";
    private const string HmacSecret = "restart-hmac-secret-0123456789";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "journeyplugin-connection-tests", Guid.NewGuid().ToString("N"));
    private InfobipSandbox _sandbox = null!;

    public Task InitializeAsync()
    {
        _sandbox = InfobipSandbox.Start(new InfobipSandboxOptions { ApiKey = ApiKey, Senders = [Sender] });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        TestDirectories.Delete(_dataDirectory);
    }

    [Fact]
    public async Task A_restart_on_the_same_data_directory_decrypts_the_connections_with_the_generated_master_key()
    {
        await using (var first = new ConnectionServerFactory(_dataDirectory))
        {
            await CreateAsync(first);
            Assert.Contains(first.Logs.Lines, l => l.Contains("JourneyPlugin:MasterKey is not set", StringComparison.Ordinal));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dataDirectory, "master.key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_dataDirectory, "keys")));
        }

        var keyFile = Assert.Single(Directory.GetFiles(Path.Combine(_dataDirectory, "keys"), "*.xml"));
        Assert.Contains("journeyPluginEncryptedKey", await File.ReadAllTextAsync(keyFile), StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", await File.ReadAllTextAsync(keyFile), StringComparison.Ordinal); // the key's secret is not in clear

        await using var second = new ConnectionServerFactory(_dataDirectory);
        using var client = second.CreateClient();
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/connections/restarted");
        using var quickTest = await client.PostAsync("/api/connections/restarted/quick-test", content: null);
        using var webhook = await client.SendAsync(Payloads.Post("/webhooks/infobip/restarted/seen", Payloads.SeenReport($"r-{Guid.NewGuid():N}"), HmacSecret));

        Assert.Equal(("••••2d9a", "api"), (stored.GetProperty("apiKey").GetString(), stored.GetProperty("source").GetString()));
        Assert.Equal(HttpStatusCode.OK, quickTest.StatusCode); // the sandbox accepted the decrypted key
        Assert.Single(_sandbox.AcceptedMessages);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode); // and the decrypted webhook secret
    }

    [Fact]
    public async Task Another_master_key_stops_the_start_with_a_clear_message_and_changes_nothing()
    {
        const string masterKey = "the-master-key-of-this-data-dir-0123456789";
        await using (var first = new ConnectionServerFactory(_dataDirectory, masterKey))
        {
            await CreateAsync(first);
        }

        Assert.False(File.Exists(Path.Combine(_dataDirectory, "master.key")));
        var before = Snapshot();

        var (exitCode, output) = await RunServerAsync("--JourneyPlugin:MasterKey", "another-master-key-entirely-9876543210");

        Assert.Equal(1, exitCode);
        Assert.Contains("were encrypted with another master key", output, StringComparison.Ordinal);
        Assert.Contains("Set JourneyPlugin:MasterKey", output, StringComparison.Ordinal);
        Assert.DoesNotContain("another-master-key-entirely", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());

        await using var right = new ConnectionServerFactory(_dataDirectory, masterKey);
        using var client = right.CreateClient();
        using var quickTest = await client.PostAsync("/api/connections/restarted/quick-test", content: null);
        Assert.Equal(HttpStatusCode.OK, quickTest.StatusCode);
    }

    [Fact]
    public async Task A_lost_key_ring_stops_the_start_naming_the_connection()
    {
        await using (var first = new ConnectionServerFactory(_dataDirectory))
        {
            await CreateAsync(first);
        }

        Directory.Delete(Path.Combine(_dataDirectory, "keys"), recursive: true);
        var (exitCode, output) = await RunServerAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("The secrets of connection 'restarted'", output, StringComparison.Ordinal);
        Assert.Contains("cannot be decrypted", output, StringComparison.Ordinal);
    }

    private async Task CreateAsync(ConnectionServerFactory server)
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/connections", new
        {
            name = "restarted",
            apiKey = ApiKey,
            baseUrl = _sandbox.BaseUrl.ToString(),
            sender = Sender,
            quickTestRecipient = "84912345699",
            webhookHmacSecret = HmacSecret,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Dictionary<string, string> Snapshot() =>
        new[] { SqliteConnectionStore.FileName }
            .Select(f => Path.Combine(_dataDirectory, f))
            .Concat(Directory.GetFiles(Path.Combine(_dataDirectory, "keys")))
            .ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>The real server process on this data directory, on loopback with ports of its own.</summary>
    private Task<(int ExitCode, string Output)> RunServerAsync(params string[] arguments) => StartupRefusalTests.RunServerAsync(
    [
        "--urls", $"http://127.0.0.1:{TestPorts.Next()}",
        "--JourneyPlugin:DataDirectory", _dataDirectory,
        "--JourneyPlugin:SiloPort", TestPorts.Next().ToString(CultureInfo.InvariantCulture),
        "--JourneyPlugin:GatewayPort", TestPorts.Next().ToString(CultureInfo.InvariantCulture),
        .. arguments,
    ]);
}

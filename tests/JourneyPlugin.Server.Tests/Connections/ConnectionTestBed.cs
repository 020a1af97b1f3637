extern alias Sandbox;

using System.Net.Http.Json;
using System.Text.Json;
using JourneyPlugin.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sandbox::JourneyPlugin.Infobip.Sandbox;
using Sandbox::JourneyPlugin.Infobip.Sandbox.Templates;

namespace JourneyPlugin.Server.Tests.Connections;

/// <summary>
/// One server for the connection tests, and a second Infobip sandbox (another account: its own key,
/// sender and a smaller template catalogue) that API-created connections point at.
/// </summary>
public sealed class ConnectionTestBed : IAsyncLifetime
{
    public const string SecondApiKey = "second-account-key-7c41d0e9b2a8f365";
    public const string SecondSender = "447860011111";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "journeyplugin-connection-tests", Guid.NewGuid().ToString("N"));

    internal ConnectionServerFactory Factory { get; private set; } = null!;

    internal InfobipSandbox Second { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    internal InfobipSandbox Embedded => Factory.Services.GetRequiredService<EmbeddedSandbox>().Sandbox;

    public string DataDirectory => _dataDirectory;

    public Task InitializeAsync()
    {
        Second = InfobipSandbox.Start(new InfobipSandboxOptions
        {
            ApiKey = SecondApiKey,
            Senders = [SecondSender],
            Templates = SandboxTemplateCatalog.Default.Take(2).ToList(),
        });
        Factory = new ConnectionServerFactory(_dataDirectory);
        Client = Factory.CreateRecordingClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Second.DisposeAsync();
        TestDirectories.Delete(_dataDirectory);
    }

    /// <summary>A valid create body for a connection to the second sandbox; <paramref name="changes"/> overrides fields.</summary>
    public Dictionary<string, object?> SecondConnection(string name, params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["vendor"] = "infobip",
            ["apiKey"] = SecondApiKey,
            ["baseUrl"] = Second.BaseUrl.ToString(),
            ["sender"] = SecondSender,
            ["quickTestRecipient"] = "84912345678",
        };
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }

    /// <summary>Creates the connection and returns its JSON, asserting 201.</summary>
    public async Task<JsonElement> CreateAsync(Dictionary<string, object?> body)
    {
        using var response = await Client.PostAsJsonAsync("/api/connections", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GETs <paramref name="path"/> and returns the status and JSON.</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Json)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}

/// <summary>The connection tests share one server and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ConnectionTestGroup : ICollectionFixture<ConnectionTestBed>
{
    public const string Name = "Connections";
}

/// <summary>Removes test directories, leaving a file still held open to the temp directory's cleanup.</summary>
internal static class TestDirectories
{
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

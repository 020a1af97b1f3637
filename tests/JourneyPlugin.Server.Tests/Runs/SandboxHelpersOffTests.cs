using System.Net;
using System.Net.Http.Json;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Runs;

/// <summary>Without the in-process sandbox, its helpers are not there at all.</summary>
public sealed class SandboxHelpersOffTests(SandboxOffServerFactory factory) : IClassFixture<SandboxOffServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_sandbox_helpers_are_404_when_the_sandbox_is_off()
    {
        using var messages = await _client.GetAsync("/api/sandbox/messages");
        using var replies = await _client.PostAsJsonAsync("/api/sandbox/replies", new { from = "84912345678", text = "YES" });
        using var runs = await _client.GetAsync("/api/runs");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK), (messages.StatusCode, replies.StatusCode, runs.StatusCode));
    }
}

/// <summary>The server with the sandbox turned off: "sandbox" is a configured Infobip connection instead.</summary>
public sealed class SandboxOffServerFactory : ServerFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("JourneyPlugin:Sandbox:Enabled", "false"),
        new("JourneyPlugin:Connections:sandbox:ApiKey", "configured-api-key"),
        new("JourneyPlugin:Connections:sandbox:BaseUrl", "https://configured.api.infobip.com"),
        new("JourneyPlugin:Connections:sandbox:Sender", "447860099297"),
    ];
}

extern alias Sandbox;

using Microsoft.Extensions.Configuration;
using Sandbox::JourneyPlugin.Infobip.Sandbox;

namespace JourneyPlugin.Server.Tests.Cli;

/// <summary><c>quick-test</c>: the sandbox's connection, a configured one with a wrong key against a real sandbox, bad arguments.</summary>
public sealed class QuickTestCommandTests : IAsyncLifetime, IDisposable
{
    private const string AccountKey = "account-key-3b9f0c2d71e84a56";
    private const string WrongKey = "wrong-key-e1d2c3b4a5968778";

    private readonly TempDirectory _files = new();
    private InfobipSandbox _account = null!;

    private string Data => Path.Combine(_files.Path, "data");

    public Task InitializeAsync()
    {
        // Another Infobip account the configured connection points at, with a key that is not the connection's.
        _account = InfobipSandbox.Start(new InfobipSandboxOptions { ApiKey = AccountKey, Senders = ["447860022222"] });
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _account.DisposeAsync().AsTask();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_sandbox_accepts_the_test_message_and_its_answer_is_printed_as_is()
    {
        var result = await CommandLine.RunAsync("quick-test", "--connection", "sandbox", "--to", "84912345699", "--text", "Hello from the terminal", "--data", Data);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutputLines;
        var first = Assert.Single(lines, l => l.StartsWith("Quick test of connection 'sandbox' to 84912345699: accepted (HTTP 200), message id quick-test-", StringComparison.Ordinal));
        var messageId = first[(first.LastIndexOf(' ') + 1)..];
        var answer = lines[lines.ToList().IndexOf("Vendor's answer, as received:") + 1];
        Assert.StartsWith($"{{\"to\":\"84912345699\",\"messageCount\":1,\"messageId\":\"{messageId}\",\"status\":{{", answer, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"PENDING_ENROUTE\"", answer, StringComparison.Ordinal);
        Assert.StartsWith("Reading: The connection works: Infobip accepted the message with status PENDING/PENDING_ENROUTE", lines[^1], StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task A_configured_connection_with_a_wrong_key_prints_the_vendor_refusal_without_the_key_and_exits_1()
    {
        var result = await CommandLine.RunAsync(Configured(WrongKey), "quick-test", "--connection", "marketing", "--data", Data);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("Quick test of connection 'marketing' to 84912345670: not accepted (HTTP 401)", result.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("\"messageId\":\"UNAUTHORIZED\"", result.Output, StringComparison.Ordinal); // Infobip's error JSON as received
        Assert.Contains("Reading: Infobip refused the API key (401). Check the API key of connection 'marketing'", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AccountKey, result.ToString(), StringComparison.Ordinal);
        Assert.Empty(_account.AcceptedMessages);
    }

    [Fact]
    public async Task The_same_configured_connection_with_the_right_key_is_accepted_by_that_account()
    {
        var result = await CommandLine.RunAsync(Configured(AccountKey), "quick-test", "--connection", "marketing", "--data", Data);

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = Assert.Single(_account.AcceptedMessages);
        Assert.Equal(("84912345670", "447860022222"), (sent.To, sent.From));
        Assert.Contains($"\"messageId\":\"{sent.MessageId}\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountKey, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_connection_is_a_usage_error_listing_the_known_ones()
    {
        var result = await CommandLine.RunAsync(Configured(WrongKey), "quick-test", "--connection", "marketng", "--data", Data);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["error: --connection: there is no connection 'marketng' (known: marketing, sandbox)"], result.ErrorLines);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("+84912345678", "error: --to: must be written without the plus sign")]
    [InlineData("0912345678", "error: --to: ")]
    [InlineData("84-call-me", "error: --to: ")]
    public async Task A_bad_number_is_a_usage_error_naming_to_and_nothing_is_sent(string to, string expected)
    {
        var result = await CommandLine.RunAsync(Configured(AccountKey), "quick-test", "--connection", "marketing", "--to", to, "--data", Data);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(_account.AcceptedMessages);
    }

    [Fact]
    public async Task A_missing_connection_option_is_a_usage_error()
    {
        var result = await CommandLine.RunAsync("quick-test", "--to", "84912345678");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["error: Option '--connection' is required. (see 'JourneyPlugin.Server quick-test --help')"], result.ErrorLines);
    }

    /// <summary>Settings as appsettings.json would have them: connection 'marketing' at the account sandbox with <paramref name="apiKey"/>.</summary>
    private IConfiguration Configured(string apiKey) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JourneyPlugin:Connections:marketing:ApiKey"] = apiKey,
            ["JourneyPlugin:Connections:marketing:BaseUrl"] = _account.BaseUrl.ToString(),
            ["JourneyPlugin:Connections:marketing:Sender"] = "447860022222",
            ["JourneyPlugin:Connections:marketing:QuickTestRecipient"] = "84912345670",
            ["JourneyPlugin:Webhooks:marketing:HmacSecret"] = "marketing-webhook-secret-0123456789",
        })
        .Build();
}

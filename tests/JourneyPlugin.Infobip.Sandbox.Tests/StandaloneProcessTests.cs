using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;
using JourneyPlugin.Testing;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed partial class StandaloneProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_standalone_sandbox_takes_sends_shows_messages_and_posts_replies_until_killed()
    {
        using var receiver = new WebhookReceiver();
        var port = TestPorts.Next();
        using var process = SandboxProcess.Start(
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--api-key", "standalone-key",
            "--webhook-url", receiver.Url("/dlr").ToString(),
            "--inbound-url", receiver.Url("/inbound").ToString(),
            "--sender", "441134960000",
            "--sender", "447860099299");

        var listening = await process.WaitForOutputAsync("listening on", StartTimeout);
        Assert.Equal($"http://127.0.0.1:{port}/", ListeningUrl().Match(listening).Groups[1].Value);
        Assert.Contains("441134960000, 447860099299", await process.WaitForOutputAsync("Sender(s)", StartTimeout), StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "App standalone-key");

        using var sent = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(messageId: "standalone-1", from: "447860099299")));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        using var messages = await client.GetAsync(new Uri("/sandbox/messages", UriKind.Relative));
        var recorded = Assert.Single((await messages.JsonAsync()).GetProperty("messages").EnumerateArray());
        Assert.Equal("standalone-1", recorded.GetProperty("messageId").GetString());
        Assert.Equal("welcome_offer", recorded.GetProperty("templateName").GetString());

        using var reply = await client.PostJsonAsync("/sandbox/replies", """{"from":"84912345678","text":"YES"}""");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var inbound = await receiver.WaitForAsync(r => r.Path == "/inbound");
        Assert.Equal("447860099299", inbound.Results[0].GetProperty("to").GetString());

        var report = await receiver.WaitForAsync(r => r.Path == "/dlr");
        Assert.Equal("standalone-1", report.Results[0].GetProperty("messageId").GetString());

        process.Kill();
        using var afterKill = new TcpClient(AddressFamily.InterNetwork);
        await Assert.ThrowsAnyAsync<SocketException>(() => afterKill.ConnectAsync(IPAddress.Loopback, port));
    }

    [Theory]
    [InlineData(new[] { "--port", "9091" }, "--api-key")]
    [InlineData(new[] { "--api-key", "k", "--port", "70000" }, "--port must be between 0 and 65535")]
    [InlineData(new[] { "--api-key", "k", "--webhook-url", "localhost:5000/dlr" }, "--webhook-url must be an absolute http(s) URL")]
    [InlineData(new[] { "--api-key", "k", "--sender", "+441134960000" }, "--sender '+441134960000' must be")]
    [InlineData(new[] { "--api-key", "k", "--colour", "blue" }, "--colour")]
    public async Task Bad_arguments_exit_non_zero_with_a_clear_message(string[] arguments, string message)
    {
        using var process = SandboxProcess.Start(arguments);

        var exitCode = await process.WaitForExitAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, process.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_port_exits_non_zero_naming_the_port()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        using var process = SandboxProcess.Start("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", "k");
        var exitCode = await process.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains($"could not listen on 127.0.0.1:{port}", process.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"listening on (\S+)")]
    private static partial Regex ListeningUrl();
}

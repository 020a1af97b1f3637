using System.Net;
using System.Net.Sockets;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;
using JourneyPlugin.Testing;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Port_0_picks_a_free_port_on_127_0_0_1()
    {
        await using var sandbox = InfobipSandbox.Start(TestSandbox.Options());

        Assert.Equal("127.0.0.1", sandbox.BaseUrl.Host);
        Assert.NotEqual(0, sandbox.BaseUrl.Port);
        using var client = new HttpClient { BaseAddress = sandbox.BaseUrl };
        using var health = await client.GetAsync(new Uri("/sandbox/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_fixed_port_listens_on_127_0_0_1_only()
    {
        var port = TestPorts.Next();
        var options = TestSandbox.Options();
        options.Port = port;
        await using var sandbox = InfobipSandbox.Start(options);

        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), sandbox.BaseUrl);
        using var ipv4 = new TcpClient(AddressFamily.InterNetwork);
        await ipv4.ConnectAsync(IPAddress.Loopback, port);
        using var ipv6 = new TcpClient(AddressFamily.InterNetworkV6);
        await Assert.ThrowsAnyAsync<SocketException>(() => ipv6.ConnectAsync(IPAddress.IPv6Loopback, port));
    }

    [Fact]
    public void A_busy_port_gives_a_clear_error()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var options = TestSandbox.Options();
        options.Port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = Assert.Throws<InvalidOperationException>(() => InfobipSandbox.Start(options));

        Assert.Contains($"could not listen on 127.0.0.1:{options.Port}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("Senders")]
    [InlineData("DeliveryReportUrl")]
    [InlineData("WebhookUserName")]
    [InlineData("Templates")]
    public void Settings_that_cannot_work_are_refused_by_name(string setting)
    {
        var options = TestSandbox.Options();
        switch (setting)
        {
            case "ApiKey": options.ApiKey = " "; break;
            case "Senders": options.Senders = []; break;
            case "DeliveryReportUrl": options.DeliveryReportUrl = new Uri("/dlr", UriKind.Relative); break;
            case "WebhookUserName": options.WebhookUserName = "only-a-user"; break;
            case "Templates": options.Templates = [.. options.Templates, options.Templates[0]]; break;
        }

        var error = Assert.Throws<ArgumentException>(() => InfobipSandbox.Start(options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_changed_after_start_do_not_reach_the_running_sandbox()
    {
        var options = TestSandbox.Options();
        await using var sandbox = InfobipSandbox.Start(options);
        options.Senders = ["447700900123"];

        Assert.Equal([TestSandbox.Sender], sandbox.Senders);
    }

    [Fact]
    public async Task A_disposed_sandbox_stops_listening()
    {
        var sandbox = InfobipSandbox.Start(TestSandbox.Options());
        var port = sandbox.BaseUrl.Port;

        await sandbox.DisposeAsync();
        sandbox.Dispose();

        using var client = new TcpClient(AddressFamily.InterNetwork);
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }
}

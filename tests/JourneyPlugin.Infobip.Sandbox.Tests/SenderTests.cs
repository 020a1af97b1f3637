using System.Net;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class SenderTests : IAsyncLifetime
{
    private const string OtherSender = "447860099299";
    private const string Stranger = "447700900123";
    private InfobipSandbox _sandbox = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        var options = TestSandbox.Options();
        options.Senders = [TestSandbox.Sender, OtherSender];
        _sandbox = InfobipSandbox.Start(options);
        _client = TestSandbox.Client(_sandbox);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_send_from_an_unregistered_number_gets_403_naming_the_sender()
    {
        using var response = await _client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(from: Stranger));

        var exception = await InfobipErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains(Stranger, exception.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(_sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task A_template_request_with_one_foreign_sender_is_refused_whole()
    {
        var body = TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(), TestSandbox.WelcomeOffer(from: Stranger));

        using var response = await _client.PostJsonAsync("/whatsapp/1/message/template", body);

        var exception = await InfobipErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains(Stranger, exception.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(_sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task Every_configured_sender_may_send()
    {
        using var first = await _client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(from: TestSandbox.Sender));
        using var second = await _client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(from: OtherSender));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal([TestSandbox.Sender, OtherSender], _sandbox.AcceptedMessages.Select(m => m.From));
    }

    [Fact]
    public async Task The_template_list_of_an_unregistered_sender_is_forbidden()
    {
        using var response = await _client.GetAsync(new Uri($"/whatsapp/2/senders/{Stranger}/templates", UriKind.Relative));

        var exception = await InfobipErrorAssert.IsErrorAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains(Stranger, exception.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}

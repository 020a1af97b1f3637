using System.Net;
using System.Text;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class RoutingTests : IAsyncLifetime
{
    private InfobipSandbox _sandbox = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _sandbox = InfobipSandbox.Start(TestSandbox.Options());
        _client = TestSandbox.Client(_sandbox);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData("POST", "/whatsapp/1/message/sticker-pack")]
    [InlineData("POST", "/whatsapp/9/message/text")]
    [InlineData("GET", "/whatsapp/1/message/text")]
    [InlineData("GET", "/")]
    [InlineData("DELETE", "/sandbox/messages")]
    public async Task An_unknown_path_gets_Infobips_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await _client.SendAsync(request);

        var exception = await InfobipErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal("Not found", exception.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("/whatsapp/1/message/text", "{\"from\":\"441134960000\",")]
    [InlineData("/whatsapp/1/message/text", "not json")]
    [InlineData("/whatsapp/1/message/text", "")]
    [InlineData("/whatsapp/1/message/text", "[1,2]")]
    [InlineData("/whatsapp/1/message/text", "{\"from\":\"441134960000\",}")]
    [InlineData("/whatsapp/1/message/template", "{\"messages\":[")]
    [InlineData("/whatsapp/1/message/interactive/list", "\"text\"")]
    public async Task Malformed_json_gets_400_BAD_REQUEST(string path, string body)
    {
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        var exception = await InfobipErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
        Assert.Equal("Bad request", exception.GetProperty("text").GetString());
        Assert.Empty(_sandbox.AcceptedMessages);
    }
}

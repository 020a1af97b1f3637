using System.Net;
using System.Net.Http.Headers;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Api;

public sealed class ApiTokenTests(TokenServerFactory factory) : IClassFixture<TokenServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/journeys")]
    [InlineData("/api/activity-descriptors")]
    public async Task The_api_requires_the_bearer_token(string path)
    {
        using var none = await _client.GetAsync(path);
        using var wrong = await SendAsync(path, new AuthenticationHeaderValue("Bearer", "not-the-token-0123456789"));
        using var basic = await SendAsync(path, new AuthenticationHeaderValue("Basic", TokenServerFactory.Token));
        using var right = await SendAsync(path, new AuthenticationHeaderValue("Bearer", TokenServerFactory.Token));

        foreach (var response in new[] { none, wrong, basic })
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Health_and_webhooks_do_not_need_the_api_token()
    {
        using var health = await _client.GetAsync("/health");
        var body = Payloads.DeliveryReport($"token-{Guid.NewGuid():N}");
        using var webhook = await _client.SendAsync(Payloads.Post("/webhooks/infobip/sandbox/delivery-reports", body, ServerFactory.SandboxHmacSecret));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await _client.SendAsync(request);
    }
}

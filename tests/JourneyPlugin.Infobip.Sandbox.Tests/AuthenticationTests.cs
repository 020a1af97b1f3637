using System.Net;
using System.Net.Http.Headers;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private InfobipSandbox _sandbox = null!;

    public Task InitializeAsync()
    {
        _sandbox = InfobipSandbox.Start(TestSandbox.Options());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task A_send_without_an_api_key_gets_Infobips_401_body()
    {
        using var client = TestSandbox.Client(_sandbox, apiKey: null);

        using var response = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            """{"requestError":{"serviceException":{"messageId":"UNAUTHORIZED","text":"Invalid login details"}}}""",
            await response.Content.ReadAsStringAsync());
        Assert.Empty(_sandbox.AcceptedMessages);
    }

    [Theory]
    [InlineData("App", "wrong-key")]
    [InlineData("App", "")]
    [InlineData("Basic", TestSandbox.ApiKey)]
    [InlineData("Bearer", TestSandbox.ApiKey)]
    public async Task A_wrong_key_or_scheme_gets_401(string scheme, string key)
    {
        using var client = TestSandbox.Client(_sandbox, apiKey: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{scheme} {key}");

        using var response = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());

        var exception = await InfobipErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("Invalid login details", exception.GetProperty("text").GetString());
        Assert.Empty(_sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task The_right_key_is_accepted_with_the_scheme_in_any_case()
    {
        using var client = TestSandbox.Client(_sandbox, apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("app", TestSandbox.ApiKey);

        using var response = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task The_template_list_needs_the_api_key_too()
    {
        using var client = TestSandbox.Client(_sandbox, apiKey: null);

        using var response = await client.GetAsync(new Uri($"/whatsapp/2/senders/{TestSandbox.Sender}/templates", UriKind.Relative));

        await InfobipErrorAssert.IsErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}

using JourneyPlugin.Infobip.Configuration;

namespace JourneyPlugin.Infobip.Tests.Configuration;

public sealed class InfobipBaseUrlTests
{
    [Theory]
    [InlineData("xk2p9.api.infobip.com", "https://xk2p9.api.infobip.com/")]
    [InlineData("https://xk2p9.api.infobip.com", "https://xk2p9.api.infobip.com/")]
    [InlineData("https://xk2p9.api.infobip.com/", "https://xk2p9.api.infobip.com/")]
    [InlineData("HTTPS://My-Acct.API.Infobip.com", "https://my-acct.api.infobip.com/")]
    [InlineData("http://127.0.0.1:9090", "http://127.0.0.1:9090/")]
    [InlineData("http://localhost:9090", "http://localhost:9090/")]
    public void Accepts_the_forms_the_portal_shows_and_loopback(string input, string expected)
    {
        Assert.True(InfobipBaseUrl.TryParse(input, out var uri, out var reason), reason);
        Assert.Equal(expected, uri.ToString());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("  ", "is empty")]
    [InlineData("xk2p9.api.infobip.com ", "contains spaces")]
    [InlineData("xk2p9 .api.infobip.com", "contains spaces")]
    [InlineData("http://xk2p9.api.infobip.com", "plain http")]
    [InlineData("ftp://xk2p9.api.infobip.com", "scheme 'ftp'")]
    [InlineData("https://xk2p9.api.infobip.com/whatsapp/1", "host only")]
    [InlineData("https://xk2p9.api.infobip.com?x=1", "host only")]
    [InlineData("https://user:pw@xk2p9.api.infobip.com", "host only")]
    [InlineData("https://api.infobip.com.evil.example.com", "not an Infobip API host")]
    [InlineData("example.com", "not an Infobip API host")]
    [InlineData(".api.infobip.com", "not")]
    [InlineData("https://", "not a host")]
    [InlineData("https://-x.api.infobip.com", "not an Infobip API host")]
    public void Refuses_anything_else_with_a_reason(string input, string reason)
    {
        Assert.False(InfobipBaseUrl.TryParse(input, out var uri, out var actual));
        Assert.Null(uri);
        Assert.Contains(reason, actual, StringComparison.Ordinal);
    }
}

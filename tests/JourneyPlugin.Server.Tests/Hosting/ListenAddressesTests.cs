using JourneyPlugin.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace JourneyPlugin.Server.Tests.Hosting;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://LOCALHOST:5080/", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    [InlineData("https://journeys.example.com", false)]
    public void Only_loopback_hosts_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Fact]
    public void Nothing_configured_means_localhost_5080()
    {
        var urls = ListenAddresses.Read(new ConfigurationBuilder().Build(), out var isDefault);

        Assert.True(isDefault);
        Assert.Equal(["http://localhost:5080"], urls);
    }

    [Fact]
    public void Urls_ports_and_kestrel_endpoints_are_all_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["http_ports"] = "8080",
            ["Kestrel:Endpoints:Public:Url"] = "http://10.0.0.5:9000",
        }).Build();

        var urls = ListenAddresses.Read(configuration, out var isDefault);

        Assert.False(isDefault);
        Assert.Equal(["http://*:8080", "http://10.0.0.5:9000"], urls);
        Assert.Equal(urls, ListenAddresses.NonLoopback(urls));
    }

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://0.0.0.0:6000", "http://127.0.0.1:6000/")]
    [InlineData("http://*:6001", "http://127.0.0.1:6001/")]
    [InlineData("http://127.0.0.1", "http://127.0.0.1/")]
    public void The_sandbox_reaches_the_server_on_a_local_address(string url, string expected) =>
        Assert.Equal(new Uri(expected), ListenAddresses.LocalBase(url));
}

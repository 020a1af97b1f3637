using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace JourneyPlugin.Server.Tests.Diagnostics;

/// <summary>Metrics reach an OpenTelemetry collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: a Kestrel stand-in receives them.</summary>
public sealed class OtlpExportTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly ConcurrentQueue<byte[]> _exports = new();
    private WebApplication? _collector;
    private OtlpServerFactory? _server;

    public async Task InitializeAsync()
    {
        var port = TestPorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _collector = builder.Build();
        _collector.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _exports.Enqueue(body.ToArray());
            return Results.Ok();
        });
        await _collector.StartAsync();
        _server = new OtlpServerFactory($"http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task The_journeyplugin_meter_is_exported_over_otlp()
    {
        using var client = _server!.CreateClient();
        using var refused = await client.SendAsync(Payloads.Post("/webhooks/infobip/sandbox/inbound", Payloads.Inbound("m-otlp")));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_exports.Any(e => Encoding.UTF8.GetString(e).Contains("journeyplugin.webhook.requests", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no export named the webhook counter ({_exports.Count} exports received)");
            await Task.Delay(100);
        }

        // Protobuf keeps strings as UTF-8: the service name travels with the metrics.
        Assert.Contains(_exports, e => Encoding.UTF8.GetString(e).Contains("journeyplugin", StringComparison.Ordinal) && Encoding.UTF8.GetString(e).Contains("service.name", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private sealed class OtlpServerFactory(string endpoint) : ServerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint),
            new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            new("OTEL_METRIC_EXPORT_INTERVAL", 250.ToString(CultureInfo.InvariantCulture)),
        ];
    }
}

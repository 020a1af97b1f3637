using System.Collections.Concurrent;
using System.Text.Json;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

/// <summary>Stands in for the product's webhook endpoints: records every POST, and can fail some on purpose.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly WireMockServer _server;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _failuresLeft;

    public WebhookReceiver()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], DisableJsonBodyParsing = true });
        _server
            .Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var accepted = Interlocked.Decrement(ref _failuresLeft) < 0;
                var headers = request.Headers!.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
                _received.Enqueue(new ReceivedWebhook(request.Path, headers, request.Body ?? string.Empty, accepted));
                _arrived.Release();
                return (IResponseMessage)new ResponseMessage { StatusCode = accepted ? 200 : 500 };
            }));
    }

    public Uri Url(string path) => new(new Uri(_server.Url!), path);

    /// <summary>The next <paramref name="count"/> POSTs get a 500.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public IReadOnlyList<ReceivedWebhook> All => [.. _received];

    /// <summary>The accepted POSTs to <paramref name="path"/>, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. _received.Where(r => r.Path == path && r.Accepted)];

    /// <summary>All results posted (and accepted) at <paramref name="path"/>, in arrival order.</summary>
    public IReadOnlyList<JsonElement> ResultsAt(string path) => [.. At(path).SelectMany(r => r.Results)];

    public async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (_received.FirstOrDefault(r => r.Accepted && predicate(r)) is { } match)
            {
                return match;
            }

            await _arrived.WaitAsync(cancellation.Token);
        }
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _arrived.Dispose();
    }
}

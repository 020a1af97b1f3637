using JourneyPlugin.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Server.Tests.Connections;

/// <summary>
/// The server on the test host with a data directory the test owns (so a second host can reopen it),
/// an optional master key, every log line captured and every HTTP exchange recorded.
/// </summary>
internal sealed class ConnectionServerFactory(string dataDirectory, string? masterKey = null) : ServerFactory
{
    public LogCapture Logs { get; } = new();

    public List<string> Responses { get; } = [];

    public new string DataDirectory => dataDirectory;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        masterKey is null
            ? [new("JourneyPlugin:DataDirectory", dataDirectory)]
            : [new("JourneyPlugin:DataDirectory", dataDirectory), new("JourneyPlugin:MasterKey", masterKey)];

    /// <summary>A client whose every response body (and status) is kept in <see cref="Responses"/>.</summary>
    public HttpClient CreateRecordingClient() => CreateDefaultClient(new RecordingHandler(Responses));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging
            .AddProvider(Logs)
            .AddFilter<LogCapture>(null, LogLevel.Debug)
            .AddFilter<LogCapture>("Orleans", LogLevel.Information));
    }

    private sealed class RecordingHandler(List<string> responses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            lock (responses)
            {
                responses.Add($"{request.Method} {request.RequestUri} -> {(int)response.StatusCode} {response.Headers} {body}");
            }

            return response;
        }
    }
}

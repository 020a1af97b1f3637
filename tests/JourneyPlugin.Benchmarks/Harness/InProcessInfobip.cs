using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>
/// The stub without the network: a handler in the Infobip HTTP client's pipeline that answers the
/// requests sent to <see cref="BaseUrl"/> with <see cref="InfobipStub"/>'s own answers, in this process,
/// and passes every other request on. The client's work (request JSON, resilience pipeline, reading the
/// answer) is done as for a real request; sockets, the loopback and Kestrel are not.
/// </summary>
internal sealed class InProcessInfobip(InfobipStub stub) : DelegatingHandler
{
    /// <summary>
    /// The base URL of a connection answered in process: a loopback address nothing listens on, so a
    /// request that got past this handler would fail to connect instead of reaching a server.
    /// </summary>
    public static readonly Uri BaseUrl = new("http://127.0.0.2:9/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || uri.Authority != BaseUrl.Authority)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var bulk = uri.AbsolutePath == InfobipStub.TemplatePath;
        if (request.Method != HttpMethod.Post || (!bulk && uri.AbsolutePath != InfobipStub.TextPath))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var answer = new ArrayBufferWriter<byte>(256);
        stub.Answer(new ReadOnlySequence<byte>(body), bulk, answer);
        var content = new ReadOnlyMemoryContent(answer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>
/// The physical limit's other end: a minimal Kestrel server answering Infobip's send endpoints
/// (<c>/whatsapp/1/message/template</c> and <c>/whatsapp/1/message/text</c>) with Infobip's response
/// shapes, echoing each message's id and recording it. No validation, no webhooks: as cheap as an
/// answering HTTP server gets, so that what is measured is the client side.
/// </summary>
internal sealed class InfobipStub : IAsyncDisposable
{
    public const string TemplatePath = "/whatsapp/1/message/template";
    public const string TextPath = "/whatsapp/1/message/text";

    private static readonly byte[] StatusJson = """{"groupId":1,"groupName":"PENDING","id":7,"name":"PENDING_ENROUTE","description":"Message sent to next instance"}"""u8.ToArray();

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string To, string MessageId)> _messages = new();
    private int _received;
    private int _requests;

    private InfobipStub(WebApplication app) => _app = app;

    /// <summary>The base URL the connection points to.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Messages answered since the last <see cref="Reset"/>.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Requests answered since the last <see cref="Reset"/>.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The recipients and ids of the messages answered, in arrival order (recorded only when asked).</summary>
    public IReadOnlyCollection<(string To, string MessageId)> Messages => _messages;

    /// <summary>Whether to keep the message ids (the webhook scenario reports on them).</summary>
    public bool RecordIds { get; set; }

    public static async Task<InfobipStub> StartAsync()
    {
        // No watcher on the working directory for appsettings reloads: a data directory under it made every SQLite write an event.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new InfobipStub(app);
        app.MapPost(TemplatePath, context => stub.AnswerAsync(context, bulk: true));
        app.MapPost(TextPath, context => stub.AnswerAsync(context, bulk: false));
        await app.StartAsync();
        stub.BaseUrl = new Uri(app.Urls.First());
        return stub;
    }

    public void Reset()
    {
        _messages.Clear();
        Volatile.Write(ref _received, 0);
        Volatile.Write(ref _requests, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Writes the answer to a text (<paramref name="bulk"/> false) or template request to <paramref name="output"/>
    /// and counts its messages: what Kestrel sends back, and what <see cref="InProcessInfobip"/> answers without it.
    /// </summary>
    public void Answer(ReadOnlySequence<byte> body, bool bulk, IBufferWriter<byte> output)
    {
        Interlocked.Increment(ref _requests);
        var messages = Read(body);
        using var writer = new Utf8JsonWriter(output);
        if (bulk)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("messages");
        }

        foreach (var (to, messageId) in messages)
        {
            writer.WriteStartObject();
            writer.WriteString("to", to);
            writer.WriteNumber("messageCount", 1);
            writer.WriteString("messageId", messageId);
            writer.WritePropertyName("status");
            writer.WriteRawValue(StatusJson, skipInputValidation: true);
            writer.WriteEndObject();
            if (RecordIds)
            {
                _messages.Enqueue((to, messageId));
            }

            Interlocked.Increment(ref _received);
        }

        if (bulk)
        {
            writer.WriteEndArray();
            writer.WriteString("bulkId", messages.Count > 0 ? messages[0].MessageId : string.Empty);
            writer.WriteEndObject();
        }
    }

    private async Task AnswerAsync(HttpContext context, bool bulk)
    {
        var body = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
        while (!body.IsCompleted)
        {
            context.Request.BodyReader.AdvanceTo(body.Buffer.Start, body.Buffer.End);
            body = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
        }

        context.Response.ContentType = "application/json";
        Answer(body.Buffer, bulk, context.Response.BodyWriter);
        context.Request.BodyReader.AdvanceTo(body.Buffer.End);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>The <c>to</c> and <c>messageId</c> of each message in a text or template request.</summary>
    private static List<(string To, string MessageId)> Read(ReadOnlySequence<byte> body)
    {
        var found = new List<(string, string)>(1);
        var reader = new Utf8JsonReader(body);
        string? to = null, messageId = null;
        var depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    depth++;
                    break;
                case JsonTokenType.EndObject:
                    // A message object closes: the top level for text, one level down for template bulks.
                    if (to is not null && messageId is not null && depth <= 2)
                    {
                        found.Add((to, messageId));
                        to = messageId = null;
                    }

                    depth--;
                    break;
                case JsonTokenType.PropertyName when depth <= 2 && reader.ValueTextEquals("to"u8):
                    reader.Read();
                    to = reader.GetString();
                    break;
                case JsonTokenType.PropertyName when depth <= 2 && reader.ValueTextEquals("messageId"u8):
                    reader.Read();
                    messageId = reader.GetString();
                    break;
                default:
                    break;
            }
        }

        return found;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JourneyPlugin.Infobip.Serialization;

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>
/// Parses the bodies of Infobip's WhatsApp webhooks: delivery reports, seen reports and inbound messages.
/// </summary>
/// <remarks>
/// Unknown fields are ignored. Anything that is not a valid body (not JSON, a value of the wrong type, a
/// bad timestamp, a required field missing) throws <see cref="InfobipWebhookFormatException"/> naming the
/// JSON path and the reason; no other exception escapes for bad input.
/// </remarks>
public static class InfobipWebhookParser
{
    private const string Results = "$.results";

    /// <summary>
    /// Infobip posts delivery and seen reports to the same notify URL: a batch whose first result has
    /// <c>seenAt</c> and no <c>status</c> is a seen report. Anything unreadable is left to the delivery
    /// report parser, which names the problem.
    /// </summary>
    public static bool IsSeenReportBatch(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!JsonDocument.TryParseValue(ref reader, out var document))
            {
                return false;
            }

            using (document)
            {
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("results", out var results)
                    && results.ValueKind == JsonValueKind.Array
                    && results.GetArrayLength() > 0
                    && results[0].ValueKind == JsonValueKind.Object
                    && results[0].TryGetProperty("seenAt", out _)
                    && !results[0].TryGetProperty("status", out _);
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Parses a delivery report webhook body.</summary>
    /// <param name="utf8Json">The request body, UTF-8 JSON.</param>
    /// <exception cref="InfobipWebhookFormatException">The body is not a valid delivery report batch.</exception>
    public static InfobipDeliveryReportBatch ParseDeliveryReports(ReadOnlySpan<byte> utf8Json)
    {
        var batch = Deserialize(utf8Json, InfobipWebhookJsonContext.Default.InfobipDeliveryReportBatch);
        var results = RequireResults(batch.Results);
        for (var i = 0; i < results.Count; i++)
        {
            var report = RequireResult(results[i], i);
            Require(report.MessageId, i, "messageId");
            Require(report.To, i, "to");
            Require(report.Status, i, "status");
            Require(report.Status.GroupName, i, "status.groupName");
            Require(report.Status.Name, i, "status.name");
        }

        return batch;
    }

    /// <inheritdoc cref="ParseDeliveryReports(ReadOnlySpan{byte})"/>
    public static InfobipDeliveryReportBatch ParseDeliveryReports(ReadOnlyMemory<byte> utf8Json) =>
        ParseDeliveryReports(utf8Json.Span);

    /// <summary>Reads a delivery report webhook body to the end and parses it.</summary>
    /// <param name="utf8Json">The request body, UTF-8 JSON.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    /// <exception cref="InfobipWebhookFormatException">The body is not a valid delivery report batch.</exception>
    public static ValueTask<InfobipDeliveryReportBatch> ParseDeliveryReportsAsync(
        Stream utf8Json, CancellationToken cancellationToken = default) =>
        ReadAndParseAsync(utf8Json, ParseDeliveryReports, cancellationToken);

    /// <summary>Parses a seen report webhook body.</summary>
    /// <param name="utf8Json">The request body, UTF-8 JSON.</param>
    /// <exception cref="InfobipWebhookFormatException">The body is not a valid seen report batch.</exception>
    public static InfobipSeenReportBatch ParseSeenReports(ReadOnlySpan<byte> utf8Json)
    {
        var batch = Deserialize(utf8Json, InfobipWebhookJsonContext.Default.InfobipSeenReportBatch);
        var results = RequireResults(batch.Results);
        for (var i = 0; i < results.Count; i++)
        {
            Require(RequireResult(results[i], i).MessageId, i, "messageId");
        }

        return batch;
    }

    /// <inheritdoc cref="ParseSeenReports(ReadOnlySpan{byte})"/>
    public static InfobipSeenReportBatch ParseSeenReports(ReadOnlyMemory<byte> utf8Json) =>
        ParseSeenReports(utf8Json.Span);

    /// <summary>Reads a seen report webhook body to the end and parses it.</summary>
    /// <param name="utf8Json">The request body, UTF-8 JSON.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    /// <exception cref="InfobipWebhookFormatException">The body is not a valid seen report batch.</exception>
    public static ValueTask<InfobipSeenReportBatch> ParseSeenReportsAsync(
        Stream utf8Json, CancellationToken cancellationToken = default) =>
        ReadAndParseAsync(utf8Json, ParseSeenReports, cancellationToken);

    /// <summary>Parses an inbound message webhook body.</summary>
    /// <param name="utf8Json">The request body, UTF-8 JSON.</param>
    /// <exception cref="InfobipWebhookFormatException">The body is not a valid inbound message batch.</exception>
    public static InfobipInboundMessageBatch ParseInboundMessages(ReadOnlySpan<byte> utf8Json)
    {
        var batch = Deserialize(utf8Json, InfobipWebhookJsonContext.Default.InfobipInboundMessageBatch);
        var results = RequireResults(batch.Results);
        for (var i = 0; i < results.Count; i++)
        {
            var message = RequireResult(results[i], i);
            Require(message.From, i, "from");
            Require(message.To, i, "to");
            Require(message.MessageId, i, "messageId");

            // Absent means default: no real message was received in year 1.
            if (message.ReceivedAt == default)
            {
                throw Missing(i, "receivedAt");
            }

            // The converter has already insisted on message.type.
            Require(message.Message, i, "message");
        }

        return batch;
    }

    /// <inheritdoc cref="ParseInboundMessages(ReadOnlySpan{byte})"/>
    public static InfobipInboundMessageBatch ParseInboundMessages(ReadOnlyMemory<byte> utf8Json) =>
        ParseInboundMessages(utf8Json.Span);

    /// <summary>Reads an inbound message webhook body to the end and parses it.</summary>
    /// <param name="utf8Json">The request body, UTF-8 JSON.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    /// <exception cref="InfobipWebhookFormatException">The body is not a valid inbound message batch.</exception>
    public static ValueTask<InfobipInboundMessageBatch> ParseInboundMessagesAsync(
        Stream utf8Json, CancellationToken cancellationToken = default) =>
        ReadAndParseAsync(utf8Json, ParseInboundMessages, cancellationToken);

    private static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        // Some senders prefix a byte order mark, which the span reader would reject.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InfobipWebhookFormatException("$", "not valid JSON (the body is empty)");
        }

        // The reader only checks UTF-8 when a string is decoded, and then throws InvalidOperationException;
        // checking up front is cheap (vectorised) and keeps every failure a format error.
        if (!Utf8.IsValid(utf8Json))
        {
            throw new InfobipWebhookFormatException("$", $"not valid UTF-8 ({DescribePosition(utf8Json, InvalidUtf8Index(utf8Json))})");
        }

        T? result;
        try
        {
            result = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException e)
        {
            // Only failures pay for reading the body again, to say what value was found.
            var (path, reason) = InfobipJsonErrors.Describe(e, typeInfo, TryReadDocument(utf8Json));
            throw new InfobipWebhookFormatException(path, reason, e);
        }

        return result ?? throw new InfobipWebhookFormatException("$", InfobipJsonErrors.ExpectedObjectFoundNull);
    }

    private static int InvalidUtf8Index(ReadOnlySpan<byte> utf8)
    {
        var index = 0;
        while (Rune.DecodeFromUtf8(utf8[index..], out _, out var consumed) == OperationStatus.Done)
        {
            index += consumed;
        }

        return index;
    }

    // Same convention as JSON syntax errors: 1-based line, 1-based byte within the line.
    private static string DescribePosition(ReadOnlySpan<byte> utf8, int index)
    {
        var before = utf8[..index];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return string.Create(CultureInfo.InvariantCulture, $"line {line}, byte {index - lineStart + 1}");
    }

    private static JsonElement? TryReadDocument(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<T> RequireResults<T>(IReadOnlyList<T>? results) =>
        results ?? throw new InfobipWebhookFormatException(Results, InfobipJsonErrors.MissingField);

    private static T RequireResult<T>(T? result, int index)
        where T : class =>
        result ?? throw new InfobipWebhookFormatException(ResultPath(index), InfobipJsonErrors.ExpectedObjectFoundNull);

    // Deserialization leaves absent fields null whatever the declared nullability; this is where that ends.
    private static void Require(object? value, int index, string field)
    {
        if (value is null)
        {
            throw Missing(index, field);
        }
    }

    private static InfobipWebhookFormatException Missing(int index, string field) =>
        new($"{ResultPath(index)}.{field}", InfobipJsonErrors.MissingField);

    private static string ResultPath(int index) => string.Create(CultureInfo.InvariantCulture, $"{Results}[{index}]");

    private delegate T SpanParser<T>(ReadOnlySpan<byte> utf8Json);

    private static async ValueTask<T> ReadAndParseAsync<T>(
        Stream utf8Json, SpanParser<T> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);

        // The whole body is buffered (pooled) so the synchronous parser, and its error messages, are
        // the same for every overload. Bodies are bounded by Infobip's batch size (at most 2,000 results).
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }

                var read = await utf8Json.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return parse(buffer.AsSpan(0, length));
        }
        finally
        {
            // Bodies carry phone numbers and message text; do not leave them in a shared pool.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}

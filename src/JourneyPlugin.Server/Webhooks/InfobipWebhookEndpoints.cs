using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/infobip/{connection}/delivery-reports|seen|inbound</c>: Infobip's webhooks,
/// authenticated per connection, size-limited, parsed strictly, kept durably before the answer and applied.
/// </summary>
internal static partial class InfobipWebhookEndpoints
{
    /// <summary>The path of a connection's webhook of <paramref name="kind"/>.</summary>
    public static string PathOf(string connection, WebhookKind kind) => $"/webhooks/infobip/{Uri.EscapeDataString(connection)}/{Segment(kind)}";

    public static IEndpointRouteBuilder MapInfobipWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/webhooks/infobip/{connection}")
            .WithTags("Webhooks")
            .DisableAntiforgery();
        foreach (var kind in Enum.GetValues<WebhookKind>())
        {
            group.MapPost(Segment(kind), async (string connection, HttpContext context, WebhookConnections connections, WebhookIngest ingest, WebhookMetrics metrics, IOptions<ServerOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                {
                    var result = await HandleAsync(kind, connection, context, connections, ingest, options.Value, loggers.CreateLogger(typeof(InfobipWebhookEndpoints)), cancellationToken).ConfigureAwait(false);
                    metrics.Answered(kind, (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK, (result as Ok<WebhookReceipt>)?.Value?.Received ?? (result as Accepted<WebhookReceipt>)?.Value?.Received ?? 0);
                    return result;
                })
                .WithName($"Infobip{kind}Webhook")
                .Produces<WebhookReceipt>()
                .Produces<WebhookReceipt>(StatusCodes.Status202Accepted)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }

        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        WebhookKind kind,
        string connection,
        HttpContext context,
        WebhookConnections connections,
        WebhookIngest ingest,
        ServerOptions options,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (connections.Find(connection) is not { } auth)
        {
            Log.Refused(logger, kind, StatusCodes.Status404NotFound, "unknown connection");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown connection",
                detail: $"No connection named '{connection}' receives Infobip webhooks here.");
        }

        if (string.IsNullOrEmpty(auth.BasicUser) && auth.HmacSecret is null)
        {
            // A connection created through the API without webhook credentials: never accept unauthenticated webhooks.
            Log.Refused(logger, kind, StatusCodes.Status401Unauthorized, "no credentials configured");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"The connection '{connection}' has no webhook credentials, so its webhooks are refused; set webhookBasicUser/webhookBasicPassword or webhookHmacSecret on it.");
        }

        if (!WebhookAuthenticator.HasValidBasicCredentials(context.Request, auth))
        {
            return Unauthorized(context, connection, kind, auth, logger, "missing or wrong Basic credentials");
        }

        if (!context.Request.HasJsonContentType())
        {
            Log.Refused(logger, kind, StatusCodes.Status415UnsupportedMediaType, "not JSON");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"Infobip webhooks are JSON: send 'Content-Type: application/json', not '{context.Request.ContentType ?? "none"}'.");
        }

        byte[]? body;
        try
        {
            body = await WebhookBodyReader.ReadAsync(context, options.MaxWebhookBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            Log.Refused(logger, kind, e.StatusCode, "unreadable body");
            return TypedResults.Problem(statusCode: e.StatusCode, title: "Unreadable request body", detail: e.Message);
        }

        if (body is null)
        {
            Log.Refused(logger, kind, StatusCodes.Status413PayloadTooLarge, "body too large");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"A webhook body may be at most {options.MaxWebhookBodyBytes} bytes.");
        }

        if (!WebhookAuthenticator.HasValidSignature(context.Request, body, auth))
        {
            return Unauthorized(context, connection, kind, auth, logger, "missing or wrong signature");
        }

        WebhookBatch batch;
        try
        {
            batch = ingest.Parse(kind, body);
        }
        catch (InfobipWebhookFormatException e)
        {
            // The reason may quote a value (a phone number, say): only the path is logged.
            Log.Malformed(logger, kind, e.JsonPath);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed webhook body",
                detail: e.Message,
                extensions: new Dictionary<string, object?> { ["jsonPath"] = e.JsonPath, ["reason"] = e.Reason });
        }

        long inboxId;
        try
        {
            inboxId = await ingest.KeepAsync(connection, kind, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not kept, so not acknowledged: Infobip retries later.
            Log.NotKept(logger, kind, e.GetType().Name);
            context.Response.Headers[HeaderNames.RetryAfter] = "10";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Temporarily unable to accept webhooks",
                detail: "The webhook could not be stored; nothing was applied. Retry later.");
        }

        WebhookReceipt receipt;
        try
        {
            receipt = await ingest.ApplyAsync(inboxId, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kept: acknowledged, and applied later by the inbox drainer.
            Log.Deferred(logger, kind, inboxId, e.GetType().Name);
            return TypedResults.Accepted((string?)null, new WebhookReceipt(batch.Count, 0, Pending: true));
        }

        Log.Accepted(logger, kind, receipt.Received, receipt.Applied);
        return TypedResults.Ok(receipt);
    }

    private static ProblemHttpResult Unauthorized(HttpContext context, string connection, WebhookKind kind, WebhookAuthOptions auth, ILogger logger, string reason)
    {
        Log.Refused(logger, kind, StatusCodes.Status401Unauthorized, reason);
        if (!string.IsNullOrEmpty(auth.BasicUser))
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = $"Basic realm=\"infobip-{connection}\", charset=\"UTF-8\"";
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: auth.HmacSecret is null
                ? "The webhook needs the connection's HTTP Basic credentials."
                : $"The webhook needs the connection's credentials: the body's HMAC-SHA256 as '{auth.SignatureHeader}: sha256=<hex>'"
                    + (string.IsNullOrEmpty(auth.BasicUser) ? "." : " and HTTP Basic credentials."));
    }

    private static string Segment(WebhookKind kind) => kind switch
    {
        WebhookKind.DeliveryReports => "delivery-reports",
        WebhookKind.SeenReports => "seen",
        _ => "inbound",
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Infobip {Kind} webhook: {Received} results, {Applied} applied")]
        public static partial void Accepted(ILogger logger, WebhookKind kind, int received, int applied);

        [LoggerMessage(2, LogLevel.Warning, "Infobip {Kind} webhook refused with {StatusCode}: {Reason}")]
        public static partial void Refused(ILogger logger, WebhookKind kind, int statusCode, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Infobip {Kind} webhook refused with 400: malformed at {JsonPath}")]
        public static partial void Malformed(ILogger logger, WebhookKind kind, string jsonPath);

        [LoggerMessage(4, LogLevel.Error, "Infobip {Kind} webhook refused with 503: it could not be stored ({ErrorType})")]
        public static partial void NotKept(ILogger logger, WebhookKind kind, string errorType);

        [LoggerMessage(5, LogLevel.Warning, "Infobip {Kind} webhook {InboxId} kept and acknowledged but not applied ({ErrorType}); the inbox drainer retries it")]
        public static partial void Deferred(ILogger logger, WebhookKind kind, long inboxId, string errorType);
    }
}

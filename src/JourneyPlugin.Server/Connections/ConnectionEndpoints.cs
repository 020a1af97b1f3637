using JourneyPlugin.Infobip.Client;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Connections;

/// <summary>
/// <c>/api/connections</c>: the WhatsApp connections, their Quick Test and their vendor templates.
/// The sandbox's and configured connections are listed read-only; the others live in the connection store.
/// </summary>
internal static partial class ConnectionEndpoints
{
    public static RouteGroupBuilder MapConnections(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/connections").WithTags("Connections");
        group.MapGet("/", (HttpContext context, ConnectionCatalog catalog) =>
                TypedResults.Ok(catalog.List().Select(c => ConnectionResponse.From(c, Root(context))).ToList()))
            .WithName("ListConnections");
        group.MapGet("/{name}", Results<Ok<ConnectionResponse>, ProblemHttpResult> (string name, HttpContext context, ConnectionCatalog catalog) =>
                catalog.Find(name) is { } connection ? TypedResults.Ok(ConnectionResponse.From(connection, Root(context))) : NotFound(name))
            .WithName("GetConnection")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync)
            .WithName("CreateConnection")
            .Accepts<ConnectionRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{name}", UpdateAsync)
            .WithName("UpdateConnection")
            .Accepts<ConnectionRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{name}", DeleteAsync)
            .WithName("DeleteConnection")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{name}/quick-test", QuickTestAsync)
            .WithName("QuickTestConnection")
            .Accepts<QuickTestRequest>(isOptional: true, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("/{name}/templates", TemplatesAsync)
            .WithName("ListConnectionTemplates")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return api;
    }

    private static async Task<Results<Created<ConnectionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext context, ConnectionCatalog catalog, TimeProvider time, ILogger<ConnectionCatalog> logger, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<ConnectionRequest>(context, optional: false, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var errors = ConnectionValidator.Validate(
            new StoredConnection
            {
                Name = request.Name?.Trim() ?? string.Empty,
                Vendor = request.Vendor?.Trim() ?? Connection.InfobipVendor,
                ApiKey = request.ApiKey ?? string.Empty,
                BaseUrl = request.BaseUrl ?? string.Empty,
                Sender = request.Sender ?? string.Empty,
                QuickTestRecipient = request.QuickTestRecipient,
                WebhookBasicUser = request.WebhookBasicUser,
                WebhookBasicPassword = request.WebhookBasicPassword,
                WebhookHmacSecret = request.WebhookHmacSecret,
                CreatedAt = now,
                UpdatedAt = now,
            },
            out var connection);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (catalog.IsConfigured(connection.Name) || !await catalog.Store.TryAddAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Connection name taken",
                detail: $"A connection named '{connection.Name}' already exists; choose another name, or change that one with PUT /api/connections/{connection.Name}.",
                extensions: new Dictionary<string, object?> { ["field"] = "name" });
        }

        Log.Created(logger, connection.Name);
        var created = ConnectionResponse.From(catalog.Find(connection.Name)!, Root(context));
        return TypedResults.Created($"/api/connections/{Uri.EscapeDataString(connection.Name)}", created);
    }

    private static async Task<Results<Ok<ConnectionResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string name, HttpContext context, ConnectionCatalog catalog, TimeProvider time, ILogger<ConnectionCatalog> logger, CancellationToken cancellationToken)
    {
        if (ReadOnlyOrMissing(name, catalog, "changed") is { } refused)
        {
            return refused;
        }

        var (request, problem) = await JsonBody.ReadAsync<ConnectionRequest>(context, optional: false, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        if (request.Name is { } bodyName && !string.Equals(bodyName.Trim(), name, StringComparison.Ordinal))
        {
            return Invalid(new Dictionary<string, string[]> { ["name"] = [$"is '{bodyName}' but the URL names '{name}'; a connection cannot be renamed, create a new one instead"] });
        }

        if (catalog.Store.Find(name) is not { } existing)
        {
            return NotFound(name); // deleted meanwhile
        }

        var user = string.IsNullOrEmpty(request.WebhookBasicUser) ? null : request.WebhookBasicUser;
        var errors = ConnectionValidator.Validate(
            existing with
            {
                Vendor = request.Vendor?.Trim() ?? Connection.InfobipVendor,
                ApiKey = request.ApiKey ?? existing.ApiKey,
                BaseUrl = request.BaseUrl ?? string.Empty,
                Sender = request.Sender ?? string.Empty,
                QuickTestRecipient = request.QuickTestRecipient,
                WebhookBasicUser = user,
                WebhookBasicPassword = request.WebhookBasicPassword ?? (user is null ? null : existing.WebhookBasicPassword),
                WebhookHmacSecret = request.WebhookHmacSecret ?? existing.WebhookHmacSecret,
                UpdatedAt = time.GetUtcNow(),
            },
            out var connection);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (!await catalog.Store.TryUpdateAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return NotFound(name);
        }

        Log.Updated(logger, name);
        return TypedResults.Ok(ConnectionResponse.From(catalog.Find(name)!, Root(context)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, ConnectionCatalog catalog, ILogger<ConnectionCatalog> logger, CancellationToken cancellationToken)
    {
        if (ReadOnlyOrMissing(name, catalog, "deleted") is { } refused)
        {
            return refused;
        }

        if (!await catalog.Store.TryDeleteAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return NotFound(name);
        }

        Log.Deleted(logger, name);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<QuickTestResponse>, ValidationProblem, ProblemHttpResult>> QuickTestAsync(
        string name, HttpContext context, QuickTest quickTest, CancellationToken cancellationToken)
    {
        if (quickTest.Find(name) is not { } connection)
        {
            return NotFound(name);
        }

        // The body is optional: `curl -X POST …/quick-test` writes to the stored recipient.
        var (request, problem) = await JsonBody.ReadAsync<QuickTestRequest>(context, optional: true, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = QuickTest.Validate(connection, request?.To, request?.Text, out var recipient);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        QuickTestResult result;
        try
        {
            result = await quickTest.RunAsync(connection, recipient, request?.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            return Unusable(name, e);
        }

        if (result.Accepted)
        {
            return TypedResults.Ok(QuickTestResponse.From(result));
        }

        if (result.Error!.Kind == InfobipErrorKind.InvalidRequest)
        {
            // Checked before any request: the fields are ours (to, text), not the vendor's.
            return Invalid(result.Error.FieldErrors
                .GroupBy(f => f.Field.EndsWith("to", StringComparison.Ordinal) ? "to" : "text")
                .ToDictionary(g => g.Key, g => g.Select(f => f.Reason).ToArray()));
        }

        var title = result.Outcome == InfobipSendOutcome.OutcomeUnknown ? "The vendor's answer was lost" : "The vendor did not accept the quick test";
        return VendorProblem.Create(context, name, title, result.Reading, result.Error, result.Outcome, result.MessageId);
    }

    private static async Task<Results<Ok<List<TemplateResponse>>, ProblemHttpResult>> TemplatesAsync(
        string name, HttpContext context, ConnectionCatalog catalog, IInfobipWhatsAppClientFactory clients, CancellationToken cancellationToken)
    {
        if (catalog.Find(name) is not { } connection)
        {
            return NotFound(name);
        }

        try
        {
            var templates = await clients.CreateClient(connection.Infobip).GetTemplatesAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(templates.Select(TemplateResponse.From).ToList());
        }
        catch (OptionsValidationException e)
        {
            return Unusable(name, e);
        }
        catch (InfobipException e)
        {
            return VendorProblem.Create(context, name, "The vendor did not list the templates", QuickTestReading.Of(connection, e.Error), e.Error, InfobipSendOutcome.Failed);
        }
    }

    private static ProblemHttpResult? ReadOnlyOrMissing(string name, ConnectionCatalog catalog, string verb)
    {
        if (catalog.Find(name) is not { } connection)
        {
            return NotFound(name);
        }

        return connection.ReadOnly
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Read-only connection",
                detail: connection.Origin == ConnectionOrigin.Sandbox
                    ? $"The connection '{name}' belongs to the in-process sandbox and cannot be {verb}."
                    : $"The connection '{name}' comes from the configuration (JourneyPlugin:Connections:{name}) and cannot be {verb} through the API; change the configuration instead.")
            : null;
    }

    private static ProblemHttpResult NotFound(string name) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown connection",
        detail: $"There is no connection named '{name}'. GET /api/connections lists them.");

    private static ProblemHttpResult Unusable(string name, OptionsValidationException e) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Unusable connection settings",
        detail: $"The settings of connection '{name}' are not usable: {string.Join("; ", e.Failures)}");

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid connection", detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    private static string Root(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Connection {Connection} created")]
        public static partial void Created(ILogger logger, string connection);

        [LoggerMessage(2, LogLevel.Information, "Connection {Connection} updated")]
        public static partial void Updated(ILogger logger, string connection);

        [LoggerMessage(3, LogLevel.Information, "Connection {Connection} deleted")]
        public static partial void Deleted(ILogger logger, string connection);
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Activities;

/// <summary>
/// Calls an HTTP API (a CDP, a shop) and goes on along the port of the status code it got, as
/// Elsa's activity of the same name.
/// </summary>
[Activity("Elsa", "HTTP", "Send an HTTP request.", DisplayName = "HTTP Request (flow)", Kind = ActivityKind.Task)]
[FlowNode(UnmatchedStatusCode, FailedToConnect, Timeout, Outcomes.Done)]
public sealed class FlowSendHttpRequest : Activity, IActivityWithDynamicOutcomes
{
    /// <summary>The name of the <see cref="HttpClient"/> this activity uses.</summary>
    public const string HttpClientName = "JourneyPlugin.Workflows.Http";

    /// <summary>The outcome when the status code is not among the expected ones.</summary>
    public const string UnmatchedStatusCode = "Unmatched status code";

    /// <summary>The outcome when no connection could be made.</summary>
    public const string FailedToConnect = "Failed to connect";

    /// <summary>The outcome when no answer came in time.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The URL.</summary>
    [Input(Description = "The URL to send the request to.")]
    public Input<Uri?> Url { get; set; } = new(new Expression(ExpressionTypes.Literal, null));

    /// <summary>The HTTP method.</summary>
    [Input(Description = "The HTTP method to use.", UIHint = UIHints.Dropdown, Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], DefaultValue = "GET")]
    public Input<string> Method { get; set; } = new("GET");

    /// <summary>The body: text is sent as is, anything else as JSON.</summary>
    [Input(Description = "The content to send.", UIHint = UIHints.MultiLine)]
    public Input<object?> Content { get; set; } = new((object?)null);

    /// <summary>The content type of the body.</summary>
    [Input(Description = "The content type of the request body.", DefaultValue = "application/json")]
    public Input<string?> ContentType { get; set; } = new("application/json");

    /// <summary>The Authorization header.</summary>
    [Input(Description = "The Authorization header value.", IsSensitive = true)]
    public Input<string?> Authorization { get; set; } = new((string?)null);

    /// <summary>More request headers.</summary>
    [Input(Description = "Additional request headers.", UIHint = UIHints.JsonEditor)]
    public Input<Dictionary<string, string>?> RequestHeaders { get; set; } = new((Dictionary<string, string>?)null);

    /// <summary>The status codes that get a port of their own.</summary>
    [Input(Description = "A list of expected status codes to handle.", UIHint = UIHints.HttpStatusCodes)]
    public Input<List<int>> ExpectedStatusCodes { get; set; } = new([]);

    /// <summary>The status code received.</summary>
    [Output(Description = "The response status code.")]
    public Output<int>? StatusCode { get; set; }

    /// <summary>The body received: JSON when it is JSON, else text.</summary>
    [Output(Description = "The parsed content, if any.")]
    public Output<object?>? ParsedContent { get; set; }

    /// <summary>The headers received.</summary>
    [Output(Description = "The response headers.")]
    public Output<Dictionary<string, string>?>? ResponseHeaders { get; set; }

    /// <inheritdoc />
    public IReadOnlyList<string> GetOutcomes()
    {
        var codes = ExpectedStatusCodes.Expression is { Type: ExpressionTypes.Literal, Value: JsonArray array }
            ? array.Select(c => c?.ToString()).OfType<string>()
            : [];
        return [.. codes, UnmatchedStatusCode, FailedToConnect, Timeout, Outcomes.Done];
    }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = context.Get(Url) ?? throw new InvalidOperationException("the URL is empty");
        if (!url.IsAbsoluteUri)
        {
            throw new InvalidOperationException($"'{url}' is not an absolute URL");
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Get(Method) ?? "GET"), url);
        if (context.Get(Content) is { } content)
        {
            var text = content is string s ? s : JsonSerializer.Serialize(ValueConverter.ToJson(content));
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Get(ContentType) ?? "application/json");
        }

        if (context.Get(Authorization) is { Length: > 0 } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in context.Get(RequestHeaders) ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var http = context.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, context.CancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            context.JournalMessage = e.Message;
            await context.CompleteActivityWithOutcomesAsync(FailedToConnect, Outcomes.Done).ConfigureAwait(false);
            return;
        }
        catch (TaskCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            await context.CompleteActivityWithOutcomesAsync(Timeout, Outcomes.Done).ConfigureAwait(false);
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(context.CancellationToken).ConfigureAwait(false);
            context.Set(StatusCode, status);
            context.Set(ParsedContent, Parse(body, response.Content.Headers.ContentType?.MediaType));
            context.Set(ResponseHeaders, response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase));

            var expected = context.Get(ExpectedStatusCodes) ?? [];
            var outcome = expected.Contains(status) ? status.ToString(CultureInfo.InvariantCulture) : UnmatchedStatusCode;
            await context.CompleteActivityWithOutcomesAsync(outcome, Outcomes.Done).ConfigureAwait(false);
        }
    }

    private static object? Parse(string body, string? mediaType)
    {
        if (body.Length == 0)
        {
            return null;
        }

        if (mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return body;
            }
        }

        return body;
    }
}

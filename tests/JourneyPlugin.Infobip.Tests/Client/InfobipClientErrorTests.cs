using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Messages;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace JourneyPlugin.Infobip.Tests.Client;

/// <summary>Each HTTP error maps to its own kind, carries the vendor's words, and says whether the message may have gone out.</summary>
public sealed class InfobipClientErrorTests : IDisposable
{
    private static readonly InfobipTextMessage Message = new() { To = "84912345678", MessageId = "m-1", Text = "Hi" };

    // No retries here: this class is about the reading of each answer.
    private readonly InfobipClientHarness _harness = new(o => o.MaxRetryAttempts = 0);

    public void Dispose() => _harness.Dispose();

    private async Task<InfobipSendResult> SendAnsweredWith(int status, string body, string contentType = "application/json")
    {
        _harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
        return await _harness.CreateClient().SendAsync(Message);
    }

    [Theory]
    [InlineData(400, InfobipErrorKind.BadRequest, "BAD_REQUEST", "Bad request", InfobipSendOutcome.Failed)]
    [InlineData(401, InfobipErrorKind.Unauthorized, "UNAUTHORIZED", "Invalid login details", InfobipSendOutcome.Failed)]
    [InlineData(403, InfobipErrorKind.Forbidden, "FORBIDDEN", "Forbidden", InfobipSendOutcome.Failed)]
    [InlineData(404, InfobipErrorKind.NotFound, "NOT_FOUND", "Not found", InfobipSendOutcome.Failed)]
    [InlineData(429, InfobipErrorKind.TooManyRequests, "TOO_MANY_REQUESTS", "Too many requests", InfobipSendOutcome.Failed)]
    [InlineData(503, InfobipErrorKind.ServerError, "GENERAL_ERROR", "Service unavailable", InfobipSendOutcome.Failed)]
    [InlineData(500, InfobipErrorKind.ServerError, "GENERAL_ERROR", "Something went wrong. Please contact support.", InfobipSendOutcome.OutcomeUnknown)]
    [InlineData(502, InfobipErrorKind.ServerError, "GENERAL_ERROR", "Bad gateway", InfobipSendOutcome.OutcomeUnknown)]
    public async Task Legacy_error_body_maps_to_a_distinct_kind_with_the_vendors_message(int status, InfobipErrorKind kind, string code, string text, InfobipSendOutcome outcome)
    {
        var body = InfobipResponses.LegacyError(code, text);

        var result = await SendAnsweredWith(status, body);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(text, result.Error.Message);
        Assert.Equal(status, result.Error.HttpStatusCode);
        Assert.Equal(body, result.RawResponse);
    }

    [Fact]
    public async Task Legacy_validation_errors_are_kept_per_field()
    {
        var result = await SendAnsweredWith(400, InfobipResponses.LegacyError("BAD_REQUEST", "Bad request",
            """{"content.text":["size must be between 1 and 4096","must not be blank"],"to":["must be a valid number"]}"""));

        Assert.Equal(
            [new("content.text", "size must be between 1 and 4096"), new("content.text", "must not be blank"), new InfobipFieldError("to", "must be a valid number")],
            result.Error!.FieldErrors);
        Assert.Contains("content.text: must not be blank", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newer_error_format_with_violations_is_read()
    {
        var result = await SendAnsweredWith(403, """
            {"errorCode":"E403","description":"Insufficient permissions to access the requested resource.",
             "action":"Check the API key's scopes.","violations":[{"property":"from","violation":"sender not on this account"}],
             "resources":[{"name":"Scopes","url":"https://www.infobip.com/docs"}]}
            """);

        Assert.Equal(InfobipErrorKind.Forbidden, result.Error!.Kind);
        Assert.Equal("E403", result.Error.Code);
        Assert.Equal("Insufficient permissions to access the requested resource.", result.Error.Message);
        Assert.Equal("Check the API key's scopes.", result.Error.Action);
        Assert.Equal([new InfobipFieldError("from", "sender not on this account")], result.Error.FieldErrors);
    }

    [Fact]
    public async Task Plain_text_error_bodies_are_tolerated()
    {
        var result = await SendAnsweredWith(403, "Sender not found", "text/plain");

        Assert.Equal(InfobipErrorKind.Forbidden, result.Error!.Kind);
        Assert.Equal("Sender not found", result.Error.Message);
        Assert.Null(result.Error.Code);
    }

    [Fact]
    public async Task Empty_error_body_gets_a_message_that_says_what_the_status_means()
    {
        var result = await SendAnsweredWith(401, string.Empty);

        Assert.Equal(InfobipErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Contains("API key", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undocumented_status_is_an_unexpected_response()
    {
        var result = await SendAnsweredWith(409, "{}");

        Assert.Equal(InfobipErrorKind.UnexpectedResponse, result.Error!.Kind);
        Assert.Equal(InfobipSendOutcome.Failed, result.Outcome);
    }

    [Fact]
    public async Task Accepted_send_whose_body_cannot_be_read_is_still_accepted_with_the_callers_id()
    {
        var result = await SendAnsweredWith(200, "<html>ok</html>", "text/html");

        Assert.Equal(InfobipSendOutcome.Accepted, result.Outcome);
        Assert.Equal("m-1", result.MessageId);
        Assert.Null(result.Status);
        Assert.Equal("<html>ok</html>", result.RawResponse);
    }
}

using System.Net;
using System.Text.Json;

namespace JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

/// <summary>Checks Infobip's legacy error body: <c>{"requestError":{"serviceException":{…}}}</c>.</summary>
internal static class InfobipErrorAssert
{
    public static async Task<JsonElement> IsErrorAsync(HttpResponseMessage response, HttpStatusCode status, string messageId)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        var exception = body.GetProperty("requestError").GetProperty("serviceException");
        Assert.Equal(messageId, exception.GetProperty("messageId").GetString());
        return exception;
    }

    /// <summary>Asserts a 400 whose <c>validationErrors</c> name <paramref name="field"/> with a reason containing <paramref name="reason"/>.</summary>
    public static async Task<JsonElement> IsValidationErrorAsync(HttpResponseMessage response, string field, string reason)
    {
        var exception = await IsErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
        Assert.Equal("Bad request", exception.GetProperty("text").GetString());
        var errors = exception.GetProperty("validationErrors");
        Assert.True(
            errors.TryGetProperty(field, out var reasons),
            $"Expected a validation error for '{field}', got {errors.GetRawText()}");
        Assert.Contains(reasons.EnumerateArray(), r => r.GetString()!.Contains(reason, StringComparison.Ordinal));
        return errors;
    }
}

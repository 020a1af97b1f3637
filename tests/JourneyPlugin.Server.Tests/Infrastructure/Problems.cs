using System.Net;
using System.Text.Json;

namespace JourneyPlugin.Server.Tests.Infrastructure;

/// <summary>Reads RFC 9457 problem responses.</summary>
internal static class Problems
{
    /// <summary>Asserts <paramref name="response"/> is a problem with <paramref name="status"/> and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace JourneyPlugin.Server.Tests.Journeys;

/// <summary>Calls of the journey API.</summary>
internal static class JourneyApi
{
    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string id, string body) =>
        client.PutAsync($"/api/journeys/{id}", Json(body));

    public static Task<HttpResponseMessage> ValidateAsync(HttpClient client, string body) =>
        client.PostAsync("/api/journeys/validate", Json(body));

    public static Task<HttpResponseMessage> TriggerAsync(HttpClient client, string id, object body, string? idempotencyKeyHeader = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/journeys/{id}/trigger") { Content = Json(JsonSerializer.Serialize(body)) };
        if (idempotencyKeyHeader is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKeyHeader);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(new MediaTypeHeaderValue("application/json").MediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails naming <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(25);
        }
    }
}

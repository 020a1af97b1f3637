using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

/// <summary>Settings, clients and request bodies shared by the tests.</summary>
internal static class TestSandbox
{
    public const string ApiKey = "003026bbc133714df1834b8638bb496e-8f4b3d9a-e931-478d-a994-28a725159ab9";
    public const string Sender = "441134960000";
    public const string Customer = "84912345678";

    /// <summary>An Infobip timestamp: <c>2019-04-09T16:01:56.494-0300</c>.</summary>
    public const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$";

    public static InfobipSandboxOptions Options(WebhookReceiver? receiver = null) => new()
    {
        ApiKey = ApiKey,
        Senders = [Sender],
        DeliveredAfter = TimeSpan.FromMilliseconds(20),
        SeenAfter = TimeSpan.FromMilliseconds(20),
        WebhookBatchWindow = TimeSpan.FromMilliseconds(10),
        WebhookRetryDelay = TimeSpan.FromMilliseconds(10),
        DeliveryReportUrl = receiver?.Url("/dlr"),
        InboundMessageUrl = receiver?.Url("/inbound"),
    };

    public static HttpClient Client(InfobipSandbox sandbox, string? apiKey = ApiKey, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(15) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("App", apiKey);
        }

        return client;
    }

    /// <summary>Fails the test rather than hang it.</summary>
    public static CancellationToken Soon() => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string Text(string to = Customer, string text = "Hello", string? messageId = null, string from = Sender, string? notifyUrl = null, string? callbackData = null)
    {
        var message = Envelope(from, to, messageId, notifyUrl, callbackData);
        message["content"] = new JsonObject { ["text"] = text };
        return message.ToJsonString();
    }

    /// <summary>A <c>welcome_offer</c> template message, as one element of <c>messages</c>.</summary>
    public static JsonObject WelcomeOffer(string to = Customer, string? messageId = null, string from = Sender, params string[] placeholders)
    {
        var message = Envelope(from, to, messageId, null, null);
        message["content"] = new JsonObject
        {
            ["templateName"] = "welcome_offer",
            ["language"] = "en",
            ["templateData"] = new JsonObject
            {
                ["body"] = new JsonObject
                {
                    ["placeholders"] = new JsonArray([.. (placeholders.Length == 0 ? ["Ann", "WELCOME15"] : placeholders).Select(p => (JsonNode)p)]),
                },
            },
        };
        return message;
    }

    public static string Bulk(string? bulkId = null, params JsonObject[] messages)
    {
        var root = new JsonObject { ["messages"] = new JsonArray([.. messages]) };
        if (bulkId is not null)
        {
            root["bulkId"] = bulkId;
        }

        return root.ToJsonString();
    }

    private static JsonObject Envelope(string from, string to, string? messageId, string? notifyUrl, string? callbackData)
    {
        var message = new JsonObject { ["from"] = from, ["to"] = to };
        if (messageId is not null)
        {
            message["messageId"] = messageId;
        }

        if (notifyUrl is not null)
        {
            message["notifyUrl"] = notifyUrl;
        }

        if (callbackData is not null)
        {
            message["callbackData"] = callbackData;
        }

        return message;
    }
}

namespace JourneyPlugin.Infobip.Configuration;

/// <summary>
/// One WhatsApp connection at Infobip: the fields of the CDP's connection form.
/// </summary>
public sealed class InfobipConnectionOptions
{
    /// <summary>The Infobip API key, sent as <c>Authorization: App &lt;key&gt;</c>. Never logged or printed.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The account's Base URL, <c>xxxxx.api.infobip.com</c> or <c>https://xxxxx.api.infobip.com</c>.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The WhatsApp Business number registered at Infobip, with country code and no plus.</summary>
    public string Sender { get; set; } = string.Empty;

    /// <summary>
    /// Messages per second this sender may send; <see langword="null"/> or 0 turns the limiter off.
    /// The default is Meta's default throughput for a business number.
    /// </summary>
    public int? MessagesPerSecond { get; set; } = 80;

    /// <summary>How many sends may wait for the rate limiter before further sends fail fast.</summary>
    public int RateLimitQueueLimit { get; set; } = 10_000;

    /// <summary>Where Infobip posts delivery and seen reports when a message names no <c>notifyUrl</c> itself.</summary>
    public Uri? NotifyUrl { get; set; }

    /// <summary>Describes the connection without its API key.</summary>
    public override string ToString() => $"Infobip connection {BaseUrl}, sender {Sender}, API key {(string.IsNullOrEmpty(ApiKey) ? "missing" : "set")}";
}

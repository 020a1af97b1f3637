namespace JourneyPlugin.Infobip.Configuration;

/// <summary>
/// The values of an <see cref="InfobipConnectionOptions"/>, compared by value: what is derived from
/// a connection once (its validation, its template catalogue, its batcher) is kept under them, and a
/// connection changed at run time (another account, sender or key under the same name) gets its own.
/// </summary>
internal readonly record struct InfobipConnectionSettings(string ApiKey, string BaseUrl, string Sender, int? MessagesPerSecond, int RateLimitQueueLimit, Uri? NotifyUrl)
{
    public static InfobipConnectionSettings Of(InfobipConnectionOptions connection) =>
        new(connection.ApiKey, connection.BaseUrl, connection.Sender, connection.MessagesPerSecond, connection.RateLimitQueueLimit, connection.NotifyUrl);

    /// <summary>Describes the settings without the API key, which is never printed.</summary>
    public override string ToString() => $"Infobip connection {BaseUrl}, sender {Sender}";
}

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>One seen report: the user opened a message sent through Infobip.</summary>
/// <remarks>
/// Infobip's field descriptions and examples disagree on which of <see cref="From"/> and
/// <see cref="To"/> is the user, so both are kept exactly as received.
/// </remarks>
/// <param name="MessageId">Id of the message that was seen.</param>
public sealed record InfobipSeenReport(string MessageId)
{
    /// <summary>The <c>from</c> number as received.</summary>
    public string? From { get; init; }

    /// <summary>The <c>to</c> number as received.</summary>
    public string? To { get; init; }

    /// <summary>When the message was sent.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the message was seen.</summary>
    public DateTimeOffset? SeenAt { get; init; }

    /// <summary>CPaaS X application id, when the message was tagged with one.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>CPaaS X entity id, when the message was tagged with one.</summary>
    public string? EntityId { get; init; }

    /// <summary>The user's profile.</summary>
    public InfobipWebhookContact? Contact { get; init; }
}

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>One message a WhatsApp user sent to the business.</summary>
/// <param name="From">The user, a phone number or business-scoped user id.</param>
/// <param name="To">The business's WhatsApp sender number.</param>
/// <param name="MessageId">Meta's message id (<c>wamid...</c>).</param>
/// <param name="ReceivedAt">When Infobip received the message.</param>
/// <param name="Message">What the user sent.</param>
public sealed record InfobipInboundMessage(
    string From,
    string To,
    string MessageId,
    DateTimeOffset ReceivedAt,
    InfobipInboundContent Message)
{
    /// <summary>Channel, <c>WHATSAPP</c>.</summary>
    public string? IntegrationType { get; init; }

    /// <summary>Id of the outbound message this one was matched to, when Infobip matched one.</summary>
    public string? PairedMessageId { get; init; }

    /// <summary>Callback data, when Infobip includes it.</summary>
    public string? CallbackData { get; init; }

    /// <summary>The keyword the message matched, when keywords are configured.</summary>
    public string? Keyword { get; init; }

    /// <summary>What receiving the message cost.</summary>
    public InfobipPrice? Price { get; init; }

    /// <summary>The user's profile.</summary>
    public InfobipWebhookContact? Contact { get; init; }

    /// <summary>CPaaS X entity id, when configured.</summary>
    public string? EntityId { get; init; }

    /// <summary>CPaaS X application id, when configured.</summary>
    public string? ApplicationId { get; init; }
}

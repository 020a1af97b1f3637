namespace JourneyPlugin.Infobip.Messages;

/// <summary>
/// What every WhatsApp message sent through Infobip carries. The sender (<c>from</c>) comes from
/// the connection.
/// </summary>
public abstract record InfobipMessage
{
    /// <summary>The customer's number with country code; normalised before sending (<c>+84 912-345-678</c> → <c>84912345678</c>).</summary>
    public required string To { get; init; }

    /// <summary>
    /// The caller's id for this message (at most 200 characters). Infobip echoes it in delivery
    /// reports, which makes it the idempotency key of a send.
    /// </summary>
    public required string MessageId { get; init; }

    /// <summary>Free data (at most 4000 characters) that Infobip returns with the delivery report.</summary>
    public string? CallbackData { get; init; }

    /// <summary>Where Infobip posts this message's delivery and seen reports; overrides the connection's.</summary>
    public Uri? NotifyUrl { get; init; }

    /// <summary>The API path this kind of message is sent to.</summary>
    internal abstract string Path { get; }

    /// <summary>Whether WhatsApp delivers this message only inside the customer's 24 hour window.</summary>
    public virtual bool IsFreeForm => true;
}

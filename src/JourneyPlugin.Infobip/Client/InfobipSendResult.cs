namespace JourneyPlugin.Infobip.Client;

/// <summary>The answer to one message sent to Infobip.</summary>
public sealed record InfobipSendResult
{
    /// <summary>Whether Infobip accepted the message, did not, or whether that is unknown.</summary>
    public required InfobipSendOutcome Outcome { get; init; }

    /// <summary>The message id: the caller's, as echoed by Infobip.</summary>
    public required string MessageId { get; init; }

    /// <summary>The recipient as sent (normalised), or as given when it was invalid.</summary>
    public required string To { get; init; }

    /// <summary>Infobip's status for the message (usually <c>PENDING_ENROUTE</c> when accepted).</summary>
    public InfobipMessageStatus? Status { get; init; }

    /// <summary>The bulk id of a template bulk request, when Infobip gave one.</summary>
    public string? BulkId { get; init; }

    /// <summary>Why the send did not succeed; <see langword="null"/> when accepted.</summary>
    public InfobipError? Error { get; init; }

    /// <summary>The HTTP status code, when Infobip answered.</summary>
    public int? HttpStatusCode { get; init; }

    /// <summary>The response body exactly as Infobip sent it (the Quick Test shows it as is).</summary>
    public string? RawResponse { get; init; }

    /// <summary>Whether the message was accepted.</summary>
    public bool IsAccepted => Outcome == InfobipSendOutcome.Accepted;
}

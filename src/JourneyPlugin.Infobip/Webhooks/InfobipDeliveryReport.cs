using System.Text.Json.Serialization;

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>One delivery report: the outcome of a message sent through Infobip.</summary>
/// <param name="MessageId">Id of the message the report is about.</param>
/// <param name="To">Recipient, a phone number or business-scoped user id.</param>
/// <param name="Status">Delivery status.</param>
public sealed record InfobipDeliveryReport(string MessageId, string To, InfobipMessageStatus Status)
{
    private const int PendingGroup = 1;
    private const int UndeliverableGroup = 2;
    private const int DeliveredGroup = 3;
    private const int ExpiredGroup = 4;
    private const int RejectedGroup = 5;

    /// <summary>Bulk id of the send request; may be empty.</summary>
    public string? BulkId { get; init; }

    /// <summary>When the message was sent.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the status in this report was reached.</summary>
    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>How many messages the send was billed as.</summary>
    public int MessageCount { get; init; }

    /// <summary>What the message cost.</summary>
    public InfobipPrice? Price { get; init; }

    /// <summary>The error, or the <c>NO_ERROR</c> error for a successful message.</summary>
    public InfobipMessageError? Error { get; init; }

    /// <summary>The recipient's profile.</summary>
    public InfobipWebhookContact? Contact { get; init; }

    /// <summary>Data given with the send request, echoed back when Infobip includes it.</summary>
    public string? CallbackData { get; init; }

    /// <summary>CPaaS X entity id, when the message was tagged with one.</summary>
    public string? EntityId { get; init; }

    /// <summary>CPaaS X application id, when the message was tagged with one.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>Channel name, when Infobip includes it.</summary>
    public string? Channel { get; init; }

    /// <summary>Whether the message is still pending (status group 1, <c>PENDING</c>).</summary>
    [JsonIgnore]
    public bool IsPending => Status.GroupId == PendingGroup;

    /// <summary>Whether the message was delivered (status group 3, <c>DELIVERED</c>).</summary>
    /// <remarks>
    /// The group includes <c>DELIVERED_TO_OPERATOR</c>, which a later <c>DELIVERED_TO_HANDSET</c> report
    /// can follow, so this does not mean no further report will arrive.
    /// </remarks>
    [JsonIgnore]
    public bool IsDelivered => Status.GroupId == DeliveredGroup;

    /// <summary>
    /// Whether the message failed for good: status group 2 <c>UNDELIVERABLE</c>, 4 <c>EXPIRED</c> or
    /// 5 <c>REJECTED</c>. <see cref="Error"/> says why.
    /// </summary>
    [JsonIgnore]
    public bool IsFailure => Status.GroupId is UndeliverableGroup or ExpiredGroup or RejectedGroup;
}

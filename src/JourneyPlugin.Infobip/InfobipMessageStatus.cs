namespace JourneyPlugin.Infobip;

/// <summary>
/// The status Infobip gives a message, in send responses and in delivery reports.
/// </summary>
/// <remarks>
/// Group and status are kept as received rather than mapped to enums because Infobip keeps adding
/// statuses. Groups: 1 PENDING, 2 UNDELIVERABLE, 3 DELIVERED, 4 EXPIRED, 5 REJECTED.
/// </remarks>
/// <param name="GroupId">Status group, e.g. <c>3</c>.</param>
/// <param name="GroupName">Status group name, e.g. <c>DELIVERED</c>.</param>
/// <param name="Id">Status id, e.g. <c>5</c>.</param>
/// <param name="Name">Status name, e.g. <c>DELIVERED_TO_HANDSET</c>.</param>
/// <param name="Description">Human-readable description, e.g. <c>Message delivered to handset</c>.</param>
/// <param name="Action">Infobip's suggested remedy, when it has one.</param>
public sealed record InfobipMessageStatus(
    int GroupId,
    string GroupName,
    int Id,
    string Name,
    string? Description = null,
    string? Action = null);

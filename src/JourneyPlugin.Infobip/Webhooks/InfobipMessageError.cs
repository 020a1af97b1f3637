namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>
/// The error part of a delivery report. A successful message carries the <c>NO_ERROR</c> error
/// (id 0, group 0 <c>OK</c>) rather than none.
/// </summary>
/// <param name="GroupId">Error group, e.g. <c>1</c>.</param>
/// <param name="GroupName">Error group name, e.g. <c>HANDSET_ERRORS</c>.</param>
/// <param name="Id">Error code, e.g. <c>7008</c>.</param>
/// <param name="Name">Error name, e.g. <c>EC_INVALID_TEMPLATE_ARGS</c>.</param>
/// <param name="Description">Human-readable description.</param>
/// <param name="Permanent">Whether retrying the same message cannot succeed.</param>
public sealed record InfobipMessageError(
    int GroupId,
    string? GroupName,
    int Id,
    string? Name,
    string? Description = null,
    bool Permanent = false);

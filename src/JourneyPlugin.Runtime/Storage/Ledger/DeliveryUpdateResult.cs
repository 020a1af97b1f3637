namespace JourneyPlugin.Runtime.Storage;

/// <summary>
/// What a delivery report changed, so the caller can bump funnel counters exactly once: count the
/// statuses after <see cref="OldStatus"/> up to <see cref="NewStatus"/> when <see cref="Kind"/> is
/// <see cref="DeliveryUpdateKind.Advanced"/> (a Pending → Seen jump also means delivered).
/// </summary>
/// <param name="MessageId">The report's message id.</param>
/// <param name="Kind">Whether the status moved, stayed, or the row is unknown.</param>
/// <param name="OldStatus">The status before the report.</param>
/// <param name="NewStatus">The status after the report.</param>
/// <param name="IsFirstReport">Whether this was the first report applied to the row.</param>
/// <param name="SettledByEvidence">Whether the report turned an unsettled (or rejected) send into an accepted one.</param>
/// <param name="InstanceId">The row's journey instance; <see langword="null"/> for an orphan.</param>
/// <param name="RunId">The row's run, if any.</param>
/// <param name="ActivityId">The row's Send step; <see langword="null"/> for an orphan.</param>
/// <param name="AcceptedByEvidence">
/// Whether the send is known accepted from a delivery report (this one or an earlier one) rather than
/// from the vendor's answer: its journey may still be waiting to be told, if the process that
/// recorded the evidence died before telling it.
/// </param>
public sealed record DeliveryUpdateResult(
    string MessageId,
    DeliveryUpdateKind Kind,
    DeliveryStatus OldStatus,
    DeliveryStatus NewStatus,
    bool IsFirstReport,
    bool SettledByEvidence,
    string? InstanceId,
    string? RunId,
    string? ActivityId,
    bool AcceptedByEvidence = false)
{
    /// <summary>Whether the delivery status changed.</summary>
    public bool Changed => Kind == DeliveryUpdateKind.Advanced;
}

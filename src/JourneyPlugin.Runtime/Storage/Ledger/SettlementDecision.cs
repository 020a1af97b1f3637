namespace JourneyPlugin.Runtime.Storage;

/// <summary>How a send with an unknown outcome was settled.</summary>
public enum SettlementDecision
{
    /// <summary>Policy: send again with the same message id (the default policy).</summary>
    ResendSameMessageId,

    /// <summary>Policy: give up; the step's outcome is failed and the message is never resent.</summary>
    MarkFailed,

    /// <summary>Evidence (e.g. a delivery report) proves the vendor accepted the message.</summary>
    EvidenceOfDelivery,
}

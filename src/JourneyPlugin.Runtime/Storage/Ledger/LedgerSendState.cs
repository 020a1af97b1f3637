namespace JourneyPlugin.Runtime.Storage;

/// <summary>What is known of the vendor call of a ledger row.</summary>
public enum LedgerSendState
{
    /// <summary>Written before the vendor call; no answer recorded (yet, or the process died).</summary>
    Reserved,

    /// <summary>The vendor accepted the message (its answer, or evidence such as a delivery report). Final.</summary>
    Accepted,

    /// <summary>The vendor provably did not accept the message (e.g. a validation error).</summary>
    Rejected,

    /// <summary>The request may have reached the vendor but no answer came; settled by evidence or policy.</summary>
    Unknown,
}

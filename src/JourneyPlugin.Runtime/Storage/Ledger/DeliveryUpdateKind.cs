namespace JourneyPlugin.Runtime.Storage;

/// <summary>What a delivery report did to the ledger.</summary>
public enum DeliveryUpdateKind
{
    /// <summary>The delivery status moved forward.</summary>
    Advanced,

    /// <summary>A duplicate or out-of-order report: the delivery status stayed (it may still have settled the send).</summary>
    Ignored,

    /// <summary>No ledger row has the message id; the report was kept as an orphan.</summary>
    Orphan,
}

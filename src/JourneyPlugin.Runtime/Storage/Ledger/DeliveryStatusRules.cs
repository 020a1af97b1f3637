namespace JourneyPlugin.Runtime.Storage;

/// <summary>
/// The forward-only rules of delivery statuses, shared by every ledger implementation so they
/// cannot drift apart.
/// </summary>
public static class DeliveryStatusRules
{
    /// <summary>
    /// The status after a report of <paramref name="reported"/> on a row at <paramref name="current"/>.
    /// Pending → Delivered → Seen only move forward; Failed is final and is taken only from None or
    /// Pending: a failure reported after Delivered or Seen contradicts a delivery that happened and is ignored.
    /// </summary>
    public static DeliveryStatus Apply(DeliveryStatus current, DeliveryStatus reported)
    {
        if (current == DeliveryStatus.Failed || reported == DeliveryStatus.None)
        {
            return current;
        }

        if (reported == DeliveryStatus.Failed)
        {
            return current is DeliveryStatus.None or DeliveryStatus.Pending ? DeliveryStatus.Failed : current;
        }

        return reported > current ? reported : current;
    }
}

namespace JourneyPlugin.WhatsApp.Activities;

/// <summary>How a send whose outcome was unknown was settled.</summary>
public enum SendSettlement
{
    /// <summary>Evidence (a delivery report) proves the vendor accepted it.</summary>
    Accepted,

    /// <summary>No evidence within the window: send again with the same message id.</summary>
    Resend,

    /// <summary>No evidence within the window: give up; the step fails with reason OutcomeUnknown.</summary>
    Failed,
}

namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>Why a WhatsApp send failed, in terms a journey designer can act on.</summary>
public enum WhatsAppFailureReason
{
    /// <summary>Not a failure.</summary>
    None,

    /// <summary>The recipient is not a valid phone number.</summary>
    InvalidNumber,

    /// <summary>The customer opted out (STOP); nothing was sent.</summary>
    OptedOut,

    /// <summary>A free-form message outside the customer's 24 hour window and no fallback template; nothing was sent.</summary>
    OutsideWindow,

    /// <summary>The message broke a limit (too long, too many buttons, …); nothing was sent.</summary>
    InvalidMessage,

    /// <summary>A template of the message could not be rendered.</summary>
    TemplateError,

    /// <summary>The connection named by the step does not exist.</summary>
    UnknownConnection,

    /// <summary>The vendor refused the API key or its permissions.</summary>
    Unauthorized,

    /// <summary>The vendor refused the message (bad template, bad sender, …).</summary>
    VendorRejected,

    /// <summary>The vendor's rate limit was exceeded.</summary>
    RateLimited,

    /// <summary>The vendor could not be reached or failed.</summary>
    VendorUnavailable,

    /// <summary>The vendor may have accepted the message; the outcome is settled by evidence later.</summary>
    OutcomeUnknown,
}

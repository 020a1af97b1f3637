namespace JourneyPlugin.Infobip.Client;

/// <summary>Why a call to Infobip did not succeed. Each value maps to one cause a user can act on.</summary>
public enum InfobipErrorKind
{
    /// <summary>The message broke a documented limit or the recipient number is invalid; no request was made.</summary>
    InvalidRequest,

    /// <summary>HTTP 400: Infobip refused the request; see the validation errors.</summary>
    BadRequest,

    /// <summary>HTTP 401: the API key is wrong, revoked or expired.</summary>
    Unauthorized,

    /// <summary>HTTP 403: the API key lacks the scope, or the sender is not on this account.</summary>
    Forbidden,

    /// <summary>HTTP 404: the path, sender or template does not exist.</summary>
    NotFound,

    /// <summary>HTTP 429: Infobip's rate limit was exceeded, still after retries.</summary>
    TooManyRequests,

    /// <summary>HTTP 5xx: Infobip failed (503 after retries: not accepted; 500, 502, 504: outcome unknown).</summary>
    ServerError,

    /// <summary>No connection could be made to Infobip; nothing was sent.</summary>
    ConnectionFailed,

    /// <summary>Too many recent failures at this Base URL; the call was not attempted.</summary>
    CircuitOpen,

    /// <summary>The sender's rate limiter queue was full; the call was not attempted.</summary>
    RateLimited,

    /// <summary>No answer within the request timeout.</summary>
    Timeout,

    /// <summary>The connection was lost after the request was sent.</summary>
    ConnectionLost,

    /// <summary>An answer Infobip does not document (another status code, or a body that cannot be read).</summary>
    UnexpectedResponse,
}

namespace JourneyPlugin.Infobip.Client;

/// <summary>A failed call to Infobip as a user should see it: the kind, the vendor's words and the fields at fault.</summary>
public sealed record InfobipError
{
    /// <summary>The kind of failure.</summary>
    public required InfobipErrorKind Kind { get; init; }

    /// <summary>What went wrong: the vendor's text when there is one.</summary>
    public required string Message { get; init; }

    /// <summary>The HTTP status code, when Infobip answered.</summary>
    public int? HttpStatusCode { get; init; }

    /// <summary>Infobip's error code (<c>BAD_REQUEST</c>, <c>E401</c>, …), when given.</summary>
    public string? Code { get; init; }

    /// <summary>Infobip's suggested remedy (newer error format), when given.</summary>
    public string? Action { get; init; }

    /// <summary>Problems per field, from Infobip's validation errors or from client-side checks.</summary>
    public IReadOnlyList<InfobipFieldError> FieldErrors { get; init; } = [];

    /// <summary>How long Infobip asked to wait before trying again (<c>Retry-After</c>), when given.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The response body as received, for display; <see langword="null"/> when there was none.</summary>
    public string? RawBody { get; init; }

    /// <summary>The kind, the message and the field errors on one line.</summary>
    public override string ToString() =>
        FieldErrors.Count == 0
            ? $"{Kind}: {Message}"
            : $"{Kind}: {Message} ({string.Join("; ", FieldErrors)})";
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// One customer of an audience file, or the reason a row of the file cannot be enrolled.
/// A caller enrols the rows that are <see cref="IsValid"/> and records the others with their
/// <see cref="Error"/>; the reader goes on either way.
/// </summary>
public sealed class AudienceRow
{
    /// <summary>
    /// Where the row is in the file, from 1, as a person finds it. CSV: the spreadsheet row,
    /// so the header is row 1 and the first customer row 2; a value with a line break inside quotes
    /// stays one row, and skipped blank lines still count. JSON lines: the line number. Numbers only
    /// grow, so a resumed run can skip every row up to the last one it handled.
    /// </summary>
    public required long RowNumber { get; init; }

    /// <summary>
    /// The phone number normalised to digits with the country code (<c>84912345678</c>), or
    /// <see langword="null"/> when the row has none or it is invalid.
    /// </summary>
    public string? Phone { get; init; }

    /// <summary>
    /// The customer's stable identity within the run, from which the journey instance id is derived:
    /// the value of the <c>customer_id</c> (or else <c>id</c>) column when the row has a non-empty one,
    /// otherwise <see cref="Phone"/>. <see langword="null"/> when neither is known.
    /// </summary>
    public string? CustomerKey { get; init; }

    /// <summary>
    /// The customer's profile for templates. CSV: every column under its header name (trimmed), the
    /// value as a trimmed string; an empty cell is an empty string. JSON lines: the line's object as
    /// written, with its JSON types and nested objects. Includes the phone and id columns as written.
    /// Empty when the row itself could not be read (malformed JSON, wrong number of values, too long).
    /// </summary>
    public required JsonObject Attributes { get; init; }

    /// <summary>
    /// <see langword="null"/> for a row to enrol; otherwise why it is skipped, starting with the row,
    /// e.g. <c>row 7: phone '0912 345' has no country code</c>. It quotes values as written, for the
    /// person who uploaded the file; redact it before it goes to a log.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>Whether the row can be enrolled: it has a valid phone and no <see cref="Error"/>.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Phone), nameof(CustomerKey))]
    public bool IsValid => Error is null && Phone is not null && CustomerKey is not null;
}

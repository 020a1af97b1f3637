using System.Text.Json.Nodes;
using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// What both formats share once a row is read: the phone check, the customer key and the
/// duplicate check.
/// </summary>
internal sealed class AudienceRowBuilder(AudienceReaderOptions options)
{
    // Long enough to recognise the value, short enough that a runaway cell does not flood a report.
    private const int MaxQuotedLength = 40;

    private readonly CustomerKeySet? _keys = options.DetectDuplicates ? new CustomerKeySet() : null;

    /// <summary>A row that could be read, checked.</summary>
    /// <param name="row">The row number.</param>
    /// <param name="attributes">The profile.</param>
    /// <param name="phoneText">The phone value as written, or <see langword="null"/> when there is none.</param>
    /// <param name="keyText">The customer id as written, or <see langword="null"/> when there is none.</param>
    public AudienceRow Build(long row, JsonObject attributes, string? phoneText, string? keyText)
    {
        var id = string.IsNullOrWhiteSpace(keyText) ? null : keyText.Trim();
        if (string.IsNullOrWhiteSpace(phoneText))
        {
            return new AudienceRow { RowNumber = row, Attributes = attributes, CustomerKey = id, Error = AudienceErrors.NoPhone(row) };
        }

        if (!PhoneNumber.TryParse(phoneText, out var phone, out var reason))
        {
            var shown = phoneText.Trim();
            if (shown.Length > MaxQuotedLength)
            {
                shown = string.Concat(shown.AsSpan(0, MaxQuotedLength), "…");
            }

            return new AudienceRow { RowNumber = row, Attributes = attributes, CustomerKey = id, Error = AudienceErrors.InvalidPhone(row, shown, reason) };
        }

        var key = id ?? phone.Digits;
        string? error = null;
        if (_keys is not null && !_keys.TryAdd(key, row, out var firstRow))
        {
            error = AudienceErrors.Duplicate(row, firstRow, key);
        }

        return new AudienceRow { RowNumber = row, Phone = phone.Digits, CustomerKey = key, Attributes = attributes, Error = error };
    }

    /// <summary>A row that could not be read.</summary>
    public static AudienceRow Failed(long row, string error) =>
        new() { RowNumber = row, Attributes = [], Error = error };
}

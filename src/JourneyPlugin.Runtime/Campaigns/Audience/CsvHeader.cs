namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>The checked header of a CSV audience: column names and where the phone and customer id are.</summary>
internal sealed class CsvHeader
{
    private CsvHeader(string[] names, int phoneIndex, int keyIndex)
    {
        Names = names;
        PhoneIndex = phoneIndex;
        KeyIndex = keyIndex;
    }

    /// <summary>The column names, trimmed, in file order.</summary>
    public string[] Names { get; }

    /// <summary>The phone column.</summary>
    public int PhoneIndex { get; }

    /// <summary>The customer-id column, or -1 to identify customers by phone.</summary>
    public int KeyIndex { get; }

    /// <summary>Checks the names of the header row <paramref name="row"/>.</summary>
    /// <exception cref="AudienceFormatException">The header cannot be used.</exception>
    public static CsvHeader Create(string[] names, long row, AudienceReaderOptions options)
    {
        if (names.Length > options.MaxColumns)
        {
            throw new AudienceFormatException(AudienceErrors.TooManyColumns(names.Length, options.MaxColumns), row);
        }

        var seen = new Dictionary<string, int>(names.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                throw new AudienceFormatException(AudienceErrors.UnnamedColumn(i + 1), row);
            }

            // Names differing only in case would be one variable to a template author.
            if (!seen.TryAdd(names[i], i))
            {
                throw new AudienceFormatException(AudienceErrors.DuplicateColumn(names[i], seen[names[i]] + 1, i + 1), row);
            }
        }

        var phone = ColumnNames.Find(names, options.PhoneColumn, ColumnNames.PhoneAliases);
        if (phone < 0)
        {
            if (options.PhoneColumn is not null)
            {
                throw new AudienceFormatException(AudienceErrors.NoSuchColumn(options.PhoneColumn, "phone"), row);
            }

            // Without a header the first customer is taken for one: say so rather than "no phone column".
            var data = Array.Find(names, LooksLikePhoneNumber);
            throw new AudienceFormatException(
                data is not null ? AudienceErrors.NoHeader(row, data) : AudienceErrors.NoPhoneColumn(names),
                row);
        }

        var key = ColumnNames.Find(names, options.CustomerKeyColumn, ColumnNames.KeyAliases);
        if (key < 0 && options.CustomerKeyColumn is not null)
        {
            throw new AudienceFormatException(AudienceErrors.NoSuchColumn(options.CustomerKeyColumn, "customer key"), row);
        }

        return new CsvHeader(names, phone, key);
    }

    private static bool LooksLikePhoneNumber(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('+' or ' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        return digits >= 6;
    }
}

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// Recognises the phone and customer-id columns. Names match ignoring case, spaces, <c>_</c>,
/// <c>-</c> and <c>.</c>, so <c>Phone Number</c>, <c>phone_number</c> and <c>PhoneNumber</c> are alike;
/// a name given in the options matches ignoring case only.
/// </summary>
internal static class ColumnNames
{
    /// <summary>Phone aliases, most preferred first: a file with both <c>phone</c> and <c>mobile</c> uses <c>phone</c>.</summary>
    public static readonly string[] PhoneAliases = ["phone", "phonenumber", "mobile", "msisdn"];

    /// <summary>Customer-id aliases, most specific first.</summary>
    public static readonly string[] KeyAliases = ["customerid", "id"];

    /// <summary>
    /// The index in <paramref name="names"/> of the column to use: the one named
    /// <paramref name="chosen"/> when given, else the best alias; -1 when there is none.
    /// </summary>
    public static int Find<TNames>(TNames names, string? chosen, string[] aliases)
        where TNames : IReadOnlyList<string>
    {
        if (chosen is not null)
        {
            var wanted = chosen.Trim();
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        foreach (var alias in aliases)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (MatchesAlias(names[i], alias))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="name"/> spells <paramref name="alias"/> (lower-case ASCII letters).</summary>
    public static bool MatchesAlias(ReadOnlySpan<char> name, string alias)
    {
        var j = 0;
        foreach (var c in name)
        {
            if (c is ' ' or '_' or '-' or '.')
            {
                continue;
            }

            if (j == alias.Length || char.ToLowerInvariant(c) != alias[j])
            {
                return false;
            }

            j++;
        }

        return j == alias.Length;
    }
}

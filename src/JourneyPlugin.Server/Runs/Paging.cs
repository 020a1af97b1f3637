using System.Globalization;

namespace JourneyPlugin.Server.Runs;

/// <summary>The <c>skip</c> and <c>take</c> of a list request, read by hand so that a bad value is named.</summary>
/// <param name="Skip">How many to skip.</param>
/// <param name="Take">How many to return.</param>
internal readonly record struct Paging(int Skip, int Take)
{
    /// <summary>The largest page.</summary>
    public const int MaxTake = 500;

    /// <summary>Reads the query values; returns the problem naming the field, or null.</summary>
    public static IResult? TryRead(string? skip, string? take, int defaultTake, out Paging paging)
    {
        paging = default;
        if (!TryParse(skip, 0, out var s) || s < 0)
        {
            return FieldProblem.Invalid("skip", $"'skip' must be a whole number of at least 0, not '{skip}'.");
        }

        if (!TryParse(take, defaultTake, out var t) || t is < 1 or > MaxTake)
        {
            return FieldProblem.Invalid("take", $"'take' must be a whole number from 1 to {MaxTake}, not '{take}'.");
        }

        paging = new Paging(s, t);
        return null;
    }

    private static bool TryParse(string? value, int fallback, out int result)
    {
        if (string.IsNullOrEmpty(value))
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }
}

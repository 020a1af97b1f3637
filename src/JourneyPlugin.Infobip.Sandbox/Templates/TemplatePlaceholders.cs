using System.Globalization;
using System.Text.RegularExpressions;

namespace JourneyPlugin.Infobip.Sandbox.Templates;

/// <summary>Counts and fills the <c>{{n}}</c> placeholders of a template text.</summary>
internal static partial class TemplatePlaceholders
{
    /// <summary>The number of distinct placeholders; Meta requires them to run <c>{{1}}</c>…<c>{{n}}</c>.</summary>
    public static int Count(string? text) =>
        text is null ? 0 : Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The text as the customer reads it.</summary>
    public static string Render(string text, IReadOnlyList<string> values) =>
        Placeholder().Replace(text, m =>
        {
            var index = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) - 1;
            return index >= 0 && index < values.Count ? values[index] : m.Value;
        });

    [GeneratedRegex(@"\{\{\s*(\d+)\s*\}\}")]
    private static partial Regex Placeholder();
}

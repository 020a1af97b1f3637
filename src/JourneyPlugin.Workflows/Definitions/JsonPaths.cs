using System.Buffers;
using System.Globalization;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>Builds JSON paths (<c>$.root.activities[2].type</c>) the way <see cref="System.Text.Json.Nodes.JsonNode.GetPath"/> does, so both agree.</summary>
internal static class JsonPaths
{
    // The characters for which System.Text.Json switches to the bracket form $['a b'].
    private static readonly SearchValues<char> SpecialCharacters = SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    /// <summary>The path of the document itself.</summary>
    public const string Root = "$";

    /// <summary>The path of property <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Property(string parent, string name) =>
        name.AsSpan().ContainsAny(SpecialCharacters) ? $"{parent}['{name}']" : $"{parent}.{name}";

    /// <summary>The path of item <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
}

using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// Turns what a Scriban expression produced into the documented result types: <see cref="bool"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="decimal"/>, <see cref="string"/>, null, or <see cref="JsonNode"/> for objects and arrays.
/// </summary>
internal static class ScriptResultConverter
{
    // A template can build an object that contains itself; stop well before the stack would.
    private const int MaxDepth = 64;

    public static object? ToResult(object? value, TemplateContext context) => value switch
    {
        null or EmptyScriptObject => null,
        bool or string or long or double or decimal => value,
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong number => number <= long.MaxValue ? (long)number : (decimal)number,
        float number => (double)number,
        BigInteger number when number >= long.MinValue && number <= long.MaxValue => (long)number,
        BigInteger number when number >= (BigInteger)decimal.MinValue && number <= (BigInteger)decimal.MaxValue => (decimal)number,
        BigInteger number => (double)number,
        char character => character.ToString(),
        // Scriban's dates are local; without the server's offset the text is the same on every machine.
        DateTime dateTime => (dateTime.Kind == DateTimeKind.Utc ? dateTime : DateTime.SpecifyKind(dateTime, DateTimeKind.Unspecified)).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan duration => duration.ToString("c", CultureInfo.InvariantCulture),
        IScriptObject or IEnumerable => ToNode(value, context, depth: 0),
        _ => context.ObjectToString(value),
    };

    private static JsonNode? ToNode(object? value, TemplateContext context, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"The value is nested more than {MaxDepth} levels deep or contains itself.");
        }

        switch (value)
        {
            case null or EmptyScriptObject:
                return null;

            // ScriptArray is also an IScriptObject (for its properties), and ScriptObject enumerates its members: lists first.
            case IList or (IEnumerable and not string and not IScriptObject):
                var array = new JsonArray();
                foreach (var item in (IEnumerable)value)
                {
                    array.Add(ToNode(item, context, depth + 1));
                }

                return array;
            case IScriptObject scriptObject:
                var json = new JsonObject();
                foreach (var name in scriptObject.GetMembers())
                {
                    scriptObject.TryGetValue(context, default(SourceSpan), name, out var member);
                    json[name] = ToNode(member, context, depth + 1);
                }

                return json;
            default:
                return ToResult(value, context) switch
                {
                    null => null,
                    bool flag => JsonValue.Create(flag),
                    long number => JsonValue.Create(number),
                    double number => JsonValue.Create(number),
                    decimal number => JsonValue.Create(number),
                    var other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
                };
        }
    }
}

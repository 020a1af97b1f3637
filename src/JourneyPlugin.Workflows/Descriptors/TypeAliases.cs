using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>Elsa's well-known type aliases, used in files (<c>typeName</c>) and descriptors.</summary>
public static class TypeAliases
{
    private static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(string)] = "String",
        [typeof(bool)] = "Boolean",
        [typeof(int)] = "Int32",
        [typeof(long)] = "Int64",
        [typeof(double)] = "Double",
        [typeof(decimal)] = "Decimal",
        [typeof(TimeSpan)] = "TimeSpan",
        [typeof(DateTime)] = "DateTime",
        [typeof(DateTimeOffset)] = "DateTimeOffset",
        [typeof(Uri)] = "Uri",
        [typeof(object)] = "Object",
        [typeof(JsonNode)] = "Object",
        [typeof(JsonObject)] = "Object",
        [typeof(JsonArray)] = "Object",
    };

    /// <summary>The alias of <paramref name="type"/>: <c>String</c>, <c>List&lt;String&gt;</c>, <c>String[]</c>, … or its full name.</summary>
    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Aliases.TryGetValue(type, out var alias))
        {
            return alias;
        }

        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var element]
            && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return $"List<{Of(element)}>";
        }

        return type.FullName ?? type.Name;
    }
}

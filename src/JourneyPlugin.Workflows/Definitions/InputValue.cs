using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// The value of an activity input as stored in a definition file. Wrapped (an Elsa <c>Input&lt;T&gt;</c>):
/// <c>{"typeName": "String", "expression": {"type": "Literal", "value": "x"}}</c>; plain: a bare JSON value, which
/// Elsa reads as a literal.
/// </summary>
/// <remarks>
/// The value is kept as written, whatever the syntax: a template's text, or for Elsa's <c>Object</c> syntax the JSON
/// text in a string. Two values are equal when their fields are and their JSON values are deeply equal.
/// </remarks>
/// <param name="TypeName">Elsa's type alias (<c>String</c>, <c>Int32</c>, <c>String[]</c>, …); null when the file gives none.</param>
/// <param name="ExpressionType">The syntax: <c>Literal</c>, <c>Scriban</c>, <c>Liquid</c>, <c>Object</c>, <c>JavaScript</c>, …</param>
/// <param name="Value">The literal value or the expression's text; null for an empty expression or a JSON null.</param>
/// <param name="IsWrapped">True for the <c>{typeName, expression}</c> form, false for a bare JSON value.</param>
public sealed record InputValue(string? TypeName, string ExpressionType, JsonNode? Value, bool IsWrapped)
{
    private const string LiteralSyntax = "Literal";

    private static readonly string[] WrappedOrder = ["typeName", "expression", "memoryReference"];
    private static readonly string[] ExpressionOrder = ["type", "value"];

    /// <summary>The value when it is a JSON string (a template's text, a literal string); otherwise null.</summary>
    public string? Text => Value is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A wrapped literal string: <c>{"typeName": "String", "expression": {"type": "Literal", "value": …}}</c>.</summary>
    public static InputValue Literal(string? value, string typeName = "String") =>
        new(typeName, LiteralSyntax, value is null ? null : JsonValue.Create(value), IsWrapped: true);

    /// <summary>A wrapped literal <c>Boolean</c>.</summary>
    public static InputValue Literal(bool value) => new("Boolean", LiteralSyntax, JsonValue.Create(value), IsWrapped: true);

    /// <summary>A wrapped literal <c>Int32</c>.</summary>
    public static InputValue Literal(int value) => new("Int32", LiteralSyntax, JsonValue.Create(value), IsWrapped: true);

    /// <summary>A wrapped literal <c>Double</c>.</summary>
    public static InputValue Literal(double value) => new("Double", LiteralSyntax, JsonValue.Create(value), IsWrapped: true);

    /// <summary>A wrapped literal of any JSON value; a copy of <paramref name="value"/> is kept.</summary>
    public static InputValue LiteralJson(JsonNode? value, string? typeName) => Create(LiteralSyntax, value, typeName);

    /// <summary>A wrapped Scriban template.</summary>
    public static InputValue Scriban(string template, string typeName = "String") =>
        Create("Scriban", JsonValue.Create(template), typeName);

    /// <summary>A wrapped Liquid template.</summary>
    public static InputValue Liquid(string template, string typeName = "String") =>
        Create("Liquid", JsonValue.Create(template), typeName);

    /// <summary>
    /// A wrapped value in Elsa's <c>Object</c> syntax, which stores JSON as text:
    /// <c>{"typeName": "String[]", "expression": {"type": "Object", "value": "[\"GET\"]"}}</c>.
    /// </summary>
    public static InputValue ObjectJson(JsonNode? json, string typeName = "Object") =>
        Create("Object", json is null ? null : JsonValue.Create(json.ToJsonString()), typeName);

    /// <summary>A wrapped expression of any syntax; a copy of <paramref name="value"/> is kept.</summary>
    public static InputValue Create(string expressionType, JsonNode? value, string? typeName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(expressionType);
        return new(typeName, expressionType, value?.DeepClone(), IsWrapped: true);
    }

    /// <summary>A plain input: the bare JSON value, e.g. <c>false</c>; a copy of <paramref name="value"/> is kept.</summary>
    public static InputValue Bare(JsonNode? value) => new(null, LiteralSyntax, value?.DeepClone(), IsWrapped: false);

    /// <inheritdoc />
    public bool Equals(InputValue? other) =>
        other is not null
        && string.Equals(TypeName, other.TypeName, StringComparison.Ordinal)
        && string.Equals(ExpressionType, other.ExpressionType, StringComparison.Ordinal)
        && IsWrapped == other.IsWrapped
        && JsonNode.DeepEquals(Value, other.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TypeName, ExpressionType, IsWrapped);

    /// <summary><c>String Literal "x"</c>, or <c>bare false</c>.</summary>
    public override string ToString() =>
        IsWrapped
            ? string.Create(CultureInfo.InvariantCulture, $"{TypeName ?? "?"} {ExpressionType} {Value?.ToJsonString() ?? "(empty)"}")
            : $"bare {Value?.ToJsonString() ?? "null"}";

    /// <summary>Whether a JSON object has the wrapped form: it names a type or an expression.</summary>
    internal static bool IsWrappedForm(JsonObject obj) =>
        JsonFields.TryFind(obj, "expression", out _, out _) || JsonFields.TryFind(obj, "typeName", out _, out _);

    /// <summary>Reads an activity property; null when it is missing or JSON null.</summary>
    internal static InputValue? Read(JsonNode? node, string? source)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject obj || !IsWrappedForm(obj))
        {
            return Bare(node);
        }

        // As Elsa's reader: no expression, or one without a type, is an empty literal.
        var typeName = JsonFields.GetString(obj, "typeName", source);
        var expression = JsonFields.GetObject(obj, "expression", source);
        var syntax = expression is null ? null : JsonFields.GetString(expression, "type", source);
        var value = expression is null ? null : JsonFields.Get(expression, "value");
        return new(typeName, syntax ?? LiteralSyntax, value?.DeepClone(), IsWrapped: true);
    }

    /// <summary>The JSON of this value, for a property that does not have the wrapped form yet.</summary>
    internal JsonNode? ToJsonNode()
    {
        if (!IsWrapped)
        {
            return Value?.DeepClone();
        }

        var expression = new JsonObject { ["type"] = ExpressionType };
        if (Value is not null)
        {
            expression["value"] = Value.DeepClone();
        }

        var wrapped = new JsonObject();
        if (TypeName is not null)
        {
            wrapped["typeName"] = TypeName;
        }

        wrapped["expression"] = expression;
        return wrapped;
    }

    /// <summary>Writes this wrapped value into an existing wrapped object, touching only what differs.</summary>
    /// <remarks>Keeps <c>memoryReference</c> and unknown keys, and numbers equal to the new ones as written.</remarks>
    internal void WriteInto(JsonObject wrapped, string? source)
    {
        JsonFields.SetString(wrapped, "typeName", TypeName, WrappedOrder);
        if (JsonFields.Get(wrapped, "expression") is not JsonObject expression)
        {
            expression = [];
            JsonFields.Set(wrapped, "expression", expression, WrappedOrder);
        }

        var currentSyntax = JsonFields.GetString(expression, "type", source) ?? LiteralSyntax;
        if (currentSyntax != ExpressionType)
        {
            JsonFields.SetString(expression, "type", ExpressionType, ExpressionOrder);
        }

        var current = JsonFields.Get(expression, "value");
        if (Value is null)
        {
            if (current is not null)
            {
                JsonFields.Set(expression, "value", null, ExpressionOrder);
            }
        }
        else if (!JsonNode.DeepEquals(current, Value))
        {
            JsonFields.Set(expression, "value", Value.DeepClone(), ExpressionOrder);
        }
    }
}

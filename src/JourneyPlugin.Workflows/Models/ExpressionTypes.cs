namespace JourneyPlugin.Workflows.Models;

/// <summary>The expression syntaxes a journey file may use.</summary>
public static class ExpressionTypes
{
    /// <summary>A JSON value taken as is.</summary>
    public const string Literal = "Literal";

    /// <summary>A Scriban template (this product's syntax).</summary>
    public const string Scriban = "Scriban";

    /// <summary>A Liquid template, rendered with Scriban's Liquid mode so Elsa files keep working.</summary>
    public const string Liquid = "Liquid";

    /// <summary>JSON stored in a string, as Elsa's <c>Object</c> syntax.</summary>
#pragma warning disable CA1720 // Elsa's syntax name.
    public const string Object = "Object";
#pragma warning restore CA1720

    /// <summary>The value of a variable, named by the expression's value.</summary>
    public const string Variable = "Variable";

    /// <summary>The syntaxes this product evaluates.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Literal, Scriban, Liquid, Object, Variable];
}

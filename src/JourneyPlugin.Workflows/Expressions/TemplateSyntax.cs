namespace JourneyPlugin.Workflows.Expressions;

/// <summary>The language a template or expression is written in.</summary>
public enum TemplateSyntax
{
    /// <summary>Scriban (<c>{{ customer.first_name | string.upcase }}</c>).</summary>
    Scriban,

    /// <summary>Liquid, as Elsa journeys write it (<c>{{ Variables.X | upcase }}</c>), run by Scriban's Liquid mode.</summary>
    Liquid,
}

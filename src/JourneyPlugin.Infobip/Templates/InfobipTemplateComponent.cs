namespace JourneyPlugin.Infobip.Templates;

/// <summary>The part of a template a placeholder belongs to.</summary>
public enum InfobipTemplateComponent
{
    /// <summary>The header (a text placeholder, a media or a location).</summary>
    Header,

    /// <summary>The body's <c>{{n}}</c> placeholders.</summary>
    Body,

    /// <summary>A button's dynamic part.</summary>
    Button,
}

namespace JourneyPlugin.Infobip.Messages;

/// <summary>
/// An approved template, the only kind of message WhatsApp delivers outside the customer's 24 hour window.
/// </summary>
public sealed record InfobipTemplateMessage : InfobipMessage
{
    /// <summary>The registered template name (lowercase letters, digits and underscores).</summary>
    public required string TemplateName { get; init; }

    /// <summary>The registered language of the template, e.g. <c>en</c> or <c>en_GB</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Values of the body's <c>{{1}}</c>, <c>{{2}}</c>, … in order; empty when it has none.</summary>
    public IReadOnlyList<string> BodyPlaceholders { get; init; } = [];

    /// <summary>Header values, when the template's header has a placeholder or media.</summary>
    public InfobipTemplateHeader? Header { get; init; }

    /// <summary>Button values, in the order the template registered its buttons.</summary>
    public IReadOnlyList<InfobipTemplateButton> Buttons { get; init; } = [];

    /// <summary>Templates may be sent at any time.</summary>
    public override bool IsFreeForm => false;

    internal override string Path => "whatsapp/1/message/template";
}

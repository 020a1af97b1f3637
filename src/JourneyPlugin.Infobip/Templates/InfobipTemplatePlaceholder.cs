namespace JourneyPlugin.Infobip.Templates;

/// <summary>One value a template needs when it is sent.</summary>
/// <param name="Component">Header, body or button.</param>
/// <param name="Position">The placeholder's number in its component (<c>{{2}}</c> → 2); for buttons, the button's index among all buttons.</param>
/// <param name="Kind">What value it needs.</param>
public sealed record InfobipTemplatePlaceholder(InfobipTemplateComponent Component, int Position, InfobipTemplatePlaceholderKind Kind);

namespace JourneyPlugin.Infobip;

/// <summary>A problem with one field: its name (or JSON path, as Infobip names it) and why it is wrong.</summary>
/// <param name="Field">The field, e.g. <c>BaseUrl</c> or <c>content.action.buttons[1].title</c>.</param>
/// <param name="Reason">What is wrong with it, in words a user can act on.</param>
public sealed record InfobipFieldError(string Field, string Reason)
{
    /// <summary><c>field: reason</c>.</summary>
    public override string ToString() => $"{Field}: {Reason}";
}

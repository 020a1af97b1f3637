using System.Text.Json.Serialization;

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>A tap on an interactive reply button (<c>INTERACTIVE_BUTTON_REPLY</c>).</summary>
/// <param name="Type">The type as received, <c>INTERACTIVE_BUTTON_REPLY</c>.</param>
/// <param name="Id">The button's id, as the business sent it.</param>
/// <param name="Title">The button's title.</param>
public sealed record InfobipInboundInteractiveButtonReply(string Type, string Id, string Title)
    : InfobipInboundContent(Type)
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string? ReplyText => Title;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? ReplyId => Id;
}

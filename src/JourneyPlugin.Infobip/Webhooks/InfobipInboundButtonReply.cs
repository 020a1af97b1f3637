using System.Text.Json.Serialization;

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>A tap on a template's quick-reply button (<c>BUTTON</c>).</summary>
/// <param name="Type">The type as received, <c>BUTTON</c>.</param>
/// <param name="Text">The button's label.</param>
/// <param name="Payload">The parameter the business gave the button when sending the template.</param>
public sealed record InfobipInboundButtonReply(string Type, string Text, string? Payload) : InfobipInboundContent(Type)
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string? ReplyText => Text;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? ReplyId => Payload;
}

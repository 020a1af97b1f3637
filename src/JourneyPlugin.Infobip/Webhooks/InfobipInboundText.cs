using System.Text.Json.Serialization;

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>A text message (<c>TEXT</c>).</summary>
/// <param name="Type">The type as received, <c>TEXT</c>.</param>
/// <param name="Text">What the user wrote.</param>
public sealed record InfobipInboundText(string Type, string Text) : InfobipInboundContent(Type)
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string? ReplyText => Text;
}

using System.Text.Json.Serialization;

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>A row chosen from an interactive list (<c>INTERACTIVE_LIST_REPLY</c>).</summary>
/// <param name="Type">The type as received, <c>INTERACTIVE_LIST_REPLY</c>.</param>
/// <param name="Id">The row's id, as the business sent it.</param>
/// <param name="Title">The row's title.</param>
/// <param name="Description">The row's description, when it has one.</param>
public sealed record InfobipInboundListReply(string Type, string Id, string Title, string? Description = null)
    : InfobipInboundContent(Type)
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override string? ReplyText => Title;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? ReplyId => Id;
}

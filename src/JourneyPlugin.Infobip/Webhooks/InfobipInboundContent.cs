using System.Text.Json;
using System.Text.Json.Serialization;
using JourneyPlugin.Infobip.Serialization;

namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>
/// What a user sent, chosen by the <c>message.type</c> Infobip reports. Types this library does not model
/// (reactions, orders, types Infobip adds later) arrive as <see cref="InfobipInboundUnknown"/>.
/// </summary>
/// <remarks>
/// Every instance keeps the whole <c>message</c> object in <see cref="Raw"/>, so fields this library does
/// not model are never lost.
/// </remarks>
[JsonConverter(typeof(InfobipInboundContentConverter))]
public abstract record InfobipInboundContent
{
    // The hierarchy is closed: the converter only knows these types.
    private protected InfobipInboundContent(string type) => Type = type;

    /// <summary>The message type exactly as received, e.g. <c>TEXT</c> or <c>REACTION</c>.</summary>
    public string Type { get; }

    /// <summary>The message the user replied to, when they replied to one.</summary>
    public InfobipInboundContext? Context { get; init; }

    /// <summary>
    /// The whole <c>message</c> object as received. It owns its memory, so it stays valid after the
    /// request body is gone. <see langword="default"/> for instances not created by the parser.
    /// </summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    /// <summary>
    /// The text to match a reply against: the text of a text message or quick-reply button, the title of
    /// an interactive button or list reply; <see langword="null"/> for other types.
    /// </summary>
    [JsonIgnore]
    public virtual string? ReplyText => null;

    /// <summary>
    /// The id the business gave the chosen option: the payload of a quick-reply button, the id of an
    /// interactive button or list row; <see langword="null"/> for other types.
    /// </summary>
    [JsonIgnore]
    public virtual string? ReplyId => null;
}

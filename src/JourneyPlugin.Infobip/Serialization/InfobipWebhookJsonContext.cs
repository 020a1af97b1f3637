using System.Text.Json.Serialization;
using JourneyPlugin.Infobip.Webhooks;

namespace JourneyPlugin.Infobip.Serialization;

/// <summary>
/// Source-generated metadata for Infobip's webhook bodies, so parsing does no reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(InfobipTimestampConverter)])]
[JsonSerializable(typeof(InfobipDeliveryReportBatch))]
[JsonSerializable(typeof(InfobipSeenReportBatch))]
[JsonSerializable(typeof(InfobipInboundMessageBatch))]

// The inbound content converter deserializes these itself, once it has read message.type.
[JsonSerializable(typeof(InfobipInboundText))]
[JsonSerializable(typeof(InfobipInboundButtonReply))]
[JsonSerializable(typeof(InfobipInboundInteractiveButtonReply))]
[JsonSerializable(typeof(InfobipInboundListReply))]
[JsonSerializable(typeof(InfobipInboundMedia))]
[JsonSerializable(typeof(InfobipInboundLocation))]
[JsonSerializable(typeof(InfobipInboundContacts))]
[JsonSerializable(typeof(InfobipInboundUnknown))]
internal sealed partial class InfobipWebhookJsonContext : JsonSerializerContext
{
}

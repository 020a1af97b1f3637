using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using JourneyPlugin.Infobip.Webhooks;

namespace JourneyPlugin.Infobip.Serialization;

/// <summary>
/// Reads an inbound <c>message</c> object as the <see cref="InfobipInboundContent"/> its <c>type</c>
/// names, keeping a copy of the whole object in <see cref="InfobipInboundContent.Raw"/>.
/// </summary>
/// <remarks>
/// System.Text.Json's built-in polymorphism cannot fall back to a catch-all type, needs the
/// discriminator first and drops it, so the choice is made here instead.
/// </remarks>
internal sealed class InfobipInboundContentConverter : JsonConverter<InfobipInboundContent>
{
    private static readonly Shape Unknown = new(typeof(InfobipInboundUnknown), []);

    private static readonly FrozenDictionary<string, Shape> Shapes = new Dictionary<string, Shape>(StringComparer.Ordinal)
    {
        ["TEXT"] = new(typeof(InfobipInboundText), ["text"]),
        ["BUTTON"] = new(typeof(InfobipInboundButtonReply), ["text"]),
        ["INTERACTIVE_BUTTON_REPLY"] = new(typeof(InfobipInboundInteractiveButtonReply), ["id", "title"]),
        ["INTERACTIVE_LIST_REPLY"] = new(typeof(InfobipInboundListReply), ["id", "title"]),
        ["IMAGE"] = new(typeof(InfobipInboundMedia), ["url"]),
        ["DOCUMENT"] = new(typeof(InfobipInboundMedia), ["url"]),
        ["VIDEO"] = new(typeof(InfobipInboundMedia), ["url"]),
        ["VOICE"] = new(typeof(InfobipInboundMedia), ["url"]),
        ["AUDIO"] = new(typeof(InfobipInboundMedia), ["url"]),
        ["STICKER"] = new(typeof(InfobipInboundMedia), ["url"]),
        ["LOCATION"] = new(typeof(InfobipInboundLocation), ["latitude", "longitude"]),
        ["CONTACT"] = new(typeof(InfobipInboundContacts), ["contacts"]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override InfobipInboundContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InfobipJsonException($"expected an object, found {JsonValueText.Describe(ref reader)}");
        }

        // ParseValue copies the object into a document of its own, so Raw outlives the request body.
        var raw = JsonElement.ParseValue(ref reader);
        var shape = Shapes.GetValueOrDefault(ReadType(raw), Unknown);
        foreach (var field in shape.RequiredFields)
        {
            if (!raw.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw new InfobipJsonException(InfobipJsonErrors.MissingField, "." + field);
            }
        }

        var typeInfo = options.GetTypeInfo(shape.ContentType);
        InfobipInboundContent content;
        try
        {
            content = (InfobipInboundContent)raw.Deserialize(typeInfo)!;
        }
        catch (JsonException e)
        {
            var (path, reason) = InfobipJsonErrors.Describe(e, typeInfo, raw);
            throw new InfobipJsonException(reason, path[1..], e);
        }

        if (content is InfobipInboundContacts { Contacts: var contacts })
        {
            for (var i = 0; i < contacts.Count; i++)
            {
                if (contacts[i] is null)
                {
                    throw new InfobipJsonException(InfobipJsonErrors.ExpectedObjectFoundNull, $".contacts[{i}]");
                }
            }
        }

        return content with { Raw = raw };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, InfobipInboundContent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);

        // What was received is the most faithful rendering; built instances fall back to their fields.
        if (value.Raw.ValueKind == JsonValueKind.Object)
        {
            value.Raw.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    private static string ReadType(JsonElement message)
    {
        if (!message.TryGetProperty("type", out var type) || type.ValueKind == JsonValueKind.Null)
        {
            throw new InfobipJsonException(InfobipJsonErrors.MissingField, ".type");
        }

        if (type.ValueKind != JsonValueKind.String)
        {
            throw new InfobipJsonException($"expected a string, found {JsonValueText.Describe(type)}", ".type");
        }

        return type.GetString()!;
    }

    private sealed record Shape(Type ContentType, string[] RequiredFields);
}

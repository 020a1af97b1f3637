using System.Buffers;
using System.Text.Json;

namespace JourneyPlugin.Infobip.Messages;

/// <summary>Writes messages in Infobip's request shapes (one message per call, or the template bulk <c>messages</c> array).</summary>
internal static class InfobipRequestWriter
{
    /// <summary>A validated message with the fields the client adds to it.</summary>
    public readonly record struct Envelope(InfobipMessage Message, string From, string To, Uri? NotifyUrl);

    public static byte[] WriteSingle(Envelope envelope)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMessage(writer, envelope);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] WriteTemplateBulk(IReadOnlyList<Envelope> envelopes, string? bulkId)
    {
        var buffer = new ArrayBufferWriter<byte>(512 * envelopes.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("messages");
            foreach (var envelope in envelopes)
            {
                WriteMessage(writer, envelope);
            }

            writer.WriteEndArray();
            if (bulkId is not null)
            {
                writer.WriteString("bulkId", bulkId);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMessage(Utf8JsonWriter writer, Envelope envelope)
    {
        var message = envelope.Message;
        writer.WriteStartObject();
        writer.WriteString("from", envelope.From);
        writer.WriteString("to", envelope.To);
        writer.WriteString("messageId", message.MessageId);
        writer.WritePropertyName("content");
        WriteContent(writer, message);
        WriteIfNotNull(writer, "callbackData", message.CallbackData);
        WriteIfNotNull(writer, "notifyUrl", envelope.NotifyUrl?.OriginalString);
        writer.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter writer, InfobipMessage message)
    {
        writer.WriteStartObject();
        switch (message)
        {
            case InfobipTextMessage text:
                writer.WriteString("text", text.Text);
                if (text.PreviewUrl)
                {
                    writer.WriteBoolean("previewUrl", true);
                }

                break;
            case InfobipMediaMessage media:
                writer.WriteString("mediaUrl", media.MediaUrl);
                WriteIfNotNull(writer, "caption", media.Caption);
                WriteIfNotNull(writer, "filename", media.Filename);
                break;
            case InfobipInteractiveButtonsMessage buttons:
                WriteHeader(writer, buttons.Header);
                WriteTextObject(writer, "body", buttons.BodyText);
                writer.WriteStartObject("action");
                writer.WriteStartArray("buttons");
                foreach (var button in buttons.Buttons)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "REPLY");
                    writer.WriteString("id", button.Id);
                    writer.WriteString("title", button.Title);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                WriteTextObject(writer, "footer", buttons.FooterText);
                break;
            case InfobipInteractiveListMessage list:
                WriteHeader(writer, list.HeaderText is null ? null : InfobipInteractiveHeader.FromText(list.HeaderText));
                WriteTextObject(writer, "body", list.BodyText);
                writer.WriteStartObject("action");
                writer.WriteString("title", list.ButtonText);
                writer.WriteStartArray("sections");
                foreach (var section in list.Sections)
                {
                    writer.WriteStartObject();
                    WriteIfNotNull(writer, "title", section.Title);
                    writer.WriteStartArray("rows");
                    foreach (var row in section.Rows)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", row.Id);
                        writer.WriteString("title", row.Title);
                        WriteIfNotNull(writer, "description", row.Description);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                WriteTextObject(writer, "footer", list.FooterText);
                break;
            case InfobipTemplateMessage template:
                WriteTemplateContent(writer, template);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteTemplateContent(Utf8JsonWriter writer, InfobipTemplateMessage template)
    {
        writer.WriteString("templateName", template.TemplateName);
        writer.WriteStartObject("templateData");
        writer.WriteStartObject("body");
        writer.WriteStartArray("placeholders");
        foreach (var placeholder in template.BodyPlaceholders)
        {
            writer.WriteStringValue(placeholder);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        if (template.Header is { } header)
        {
            writer.WriteStartObject("header");
            writer.WriteString("type", header.Type);
            WriteIfNotNull(writer, "placeholder", header.Placeholder);
            WriteIfNotNull(writer, "mediaUrl", header.MediaUrl);
            WriteIfNotNull(writer, "filename", header.Filename);
            if (header.Latitude is { } latitude)
            {
                writer.WriteNumber("latitude", latitude);
            }

            if (header.Longitude is { } longitude)
            {
                writer.WriteNumber("longitude", longitude);
            }

            writer.WriteEndObject();
        }

        if (template.Buttons.Count > 0)
        {
            writer.WriteStartArray("buttons");
            foreach (var button in template.Buttons)
            {
                writer.WriteStartObject();
                writer.WriteString("type", button.Type);
                writer.WriteString("parameter", button.Parameter);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteString("language", template.Language);
    }

    private static void WriteHeader(Utf8JsonWriter writer, InfobipInteractiveHeader? header)
    {
        if (header is null)
        {
            return;
        }

        writer.WriteStartObject("header");
        writer.WriteString("type", header.Type);
        WriteIfNotNull(writer, "text", header.Text);
        WriteIfNotNull(writer, "mediaUrl", header.MediaUrl);
        WriteIfNotNull(writer, "filename", header.Filename);
        writer.WriteEndObject();
    }

    private static void WriteTextObject(Utf8JsonWriter writer, string name, string? text)
    {
        if (text is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    private static void WriteIfNotNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}

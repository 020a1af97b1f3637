using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Messages;

namespace JourneyPlugin.Infobip.Tests.Client;

/// <summary>Documented limits are checked before any request: nothing reaches Infobip, and the error names the field.</summary>
public sealed class InfobipClientValidationTests : IDisposable
{
    private readonly InfobipClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<InfobipMessage, string, string> InvalidMessages() => new()
    {
        { new InfobipTextMessage { To = "84912345678", MessageId = "m", Text = new string('a', 4097) }, "content.text", "at most 4096 characters (got 4097)" },
        { new InfobipTextMessage { To = "84912345678", MessageId = "m", Text = "   " }, "content.text", "must not be blank" },
        { new InfobipTextMessage { To = "0912345678", MessageId = "m", Text = "Hi" }, "to", "has no country code" },
        { new InfobipTextMessage { To = "84 12", MessageId = "m", Text = "Hi" }, "to", "too short" },
        { new InfobipTextMessage { To = "84912abc", MessageId = "m", Text = "Hi" }, "to", "'a'" },
        { new InfobipTextMessage { To = "84912345678", MessageId = "", Text = "Hi" }, "messageId", "must not be blank" },
        { new InfobipTextMessage { To = "84912345678", MessageId = new string('m', 201), Text = "Hi" }, "messageId", "at most 200" },
        { new InfobipTextMessage { To = "84912345678", MessageId = "m", Text = "Hi", CallbackData = new string('c', 4001) }, "callbackData", "at most 4000" },
        { new InfobipTextMessage { To = "84912345678", MessageId = "m", Text = "Hi", NotifyUrl = new Uri("ftp://x.example.com") }, "notifyUrl", "http or https" },
        { new InfobipTextMessage { To = "84912345678", MessageId = "m", Text = "no link", PreviewUrl = true }, "content.previewUrl", "needs an http" },
        { new InfobipMediaMessage { To = "84912345678", MessageId = "m", Kind = InfobipMediaKind.Image, MediaUrl = "not a url" }, "content.mediaUrl", "absolute http or https URL" },
        { new InfobipMediaMessage { To = "84912345678", MessageId = "m", Kind = InfobipMediaKind.Image, MediaUrl = "https://x.example.com/a.png", Caption = new string('c', 3001) }, "content.caption", "at most 3000" },
        { new InfobipMediaMessage { To = "84912345678", MessageId = "m", Kind = InfobipMediaKind.Document, MediaUrl = "https://x.example.com/a.pdf", Filename = new string('f', 241) }, "content.filename", "at most 240" },
        { new InfobipMediaMessage { To = "84912345678", MessageId = "m", Kind = InfobipMediaKind.Audio, MediaUrl = "https://x.example.com/a.mp3", Caption = "c" }, "content.caption", "audio messages cannot have a caption" },
        { Buttons([]), "content.action.buttons", "1 to 3 buttons (got 0)" },
        { Buttons([new("1", "A"), new("2", "B"), new("3", "C"), new("4", "D")]), "content.action.buttons", "1 to 3 buttons (got 4)" },
        { Buttons([new("1", "This title is too long")]), "content.action.buttons[0].title", "at most 20 characters (got 22)" },
        { Buttons([new("1", "A"), new("1", "B")]), "content.action.buttons[1].id", "must be unique" },
        { List([new(null, [new("a", "A")]), new(null, [new("b", "B")])]), "content.action.sections[0].title", "required when the list has more than one section" },
        { List([new("S", Enumerable.Range(0, 11).Select(i => new InfobipListRow($"r{i}", "Row")).ToList())]), "content.action.sections", "at most 10 rows in all (got 11)" },
        { List([new("S", [new("a", "A"), new("a", "B")])]), "content.action.sections[0].rows[1].id", "unique across sections" },
        { List([new("S", [new("a", "A", new string('d', 73))])]), "content.action.sections[0].rows[0].description", "at most 72" },
        { Template(t => t with { TemplateName = "Welcome Offer" }), "content.templateName", "lowercase letters, digits or underscores" },
        { Template(t => t with { Language = "" }), "content.language", "registered language" },
        { Template(t => t with { BodyPlaceholders = ["Lan", ""] }), "content.templateData.body.placeholders[1]", "{{2}} has no value" },
        { Template(t => t with { Header = InfobipTemplateHeader.FromText("a\tb") }), "content.templateData.header.placeholder", "tab" },
        { Template(t => t with { Header = new InfobipTemplateHeader("DOCUMENT") { MediaUrl = "https://x.example.com/a.pdf" } }), "content.templateData.header.filename", "must not be blank" },
        { Template(t => t with { Buttons = [new("COPY_CODE", "THIS-CODE-IS-TOO-LONG")] }), "content.templateData.buttons[0].parameter", "at most 15" },
        { Template(t => t with { Buttons = [new("URL", "a"), new("URL", "b"), new("URL", "c")] }), "content.templateData.buttons", "at most 2 dynamic URL buttons" },
    };

    private static InfobipInteractiveButtonsMessage Buttons(IReadOnlyList<InfobipReplyButton> buttons) =>
        new() { To = "84912345678", MessageId = "m", BodyText = "Choose", Buttons = buttons };

    private static InfobipInteractiveListMessage List(IReadOnlyList<InfobipListSection> sections) =>
        new() { To = "84912345678", MessageId = "m", BodyText = "Choose", ButtonText = "Open", Sections = sections };

    private static InfobipTemplateMessage Template(Func<InfobipTemplateMessage, InfobipTemplateMessage> change) =>
        change(new InfobipTemplateMessage { To = "84912345678", MessageId = "m", TemplateName = "welcome_offer", Language = "en", BodyPlaceholders = ["Lan"] });

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task Invalid_message_is_refused_naming_the_field_and_nothing_is_sent(InfobipMessage message, string field, string reason)
    {
        var client = _harness.CreateClient();

        var result = await client.SendAsync(message);

        Assert.Equal(InfobipSendOutcome.Failed, result.Outcome);
        Assert.Equal(InfobipErrorKind.InvalidRequest, result.Error!.Kind);
        var error = Assert.Single(result.Error.FieldErrors, e => e.Field == field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Empty(_harness.Server.LogEntries);
    }

    [Fact]
    public async Task One_invalid_message_in_a_bulk_stops_the_whole_bulk_and_names_its_index()
    {
        var client = _harness.CreateClient();
        var good = Template(t => t);
        var bad = Template(t => t with { MessageId = "m2", To = "12" });

        var results = await client.SendTemplatesAsync([good, bad]);

        Assert.All(results, r => Assert.Equal(InfobipErrorKind.InvalidRequest, r.Error!.Kind));
        Assert.Contains(results[0].Error!.FieldErrors, e => e.Field == "messages[1].to");
        Assert.Empty(_harness.Server.LogEntries);
    }
}

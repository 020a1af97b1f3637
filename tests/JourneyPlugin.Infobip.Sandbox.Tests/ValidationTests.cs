using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

/// <summary>Each case breaks exactly one rule of an otherwise valid message; the valid ones prove it.</summary>
public sealed partial class ValidationTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Text = "/whatsapp/1/message/text";
    private const string Image = "/whatsapp/1/message/image";
    private const string Document = "/whatsapp/1/message/document";
    private const string Video = "/whatsapp/1/message/video";
    private const string Audio = "/whatsapp/1/message/audio";
    private const string Buttons = "/whatsapp/1/message/interactive/buttons";
    private const string List = "/whatsapp/1/message/interactive/list";
    private const string Template = "/whatsapp/1/message/template";

    public static TheoryData<string, string, string, string> InvalidMessages() => new()
    {
        // Envelope.
        { Text, J("{'from':'$S','content':{'text':'hi'}}"), "to", "must not be null" },
        { Text, J("{'from':'$S','to':'+$C','content':{'text':'hi'}}"), "to", "must contain digits only" },
        { Text, J("{'from':'$S','to':'84 912 345 678','content':{'text':'hi'}}"), "to", "must contain digits only" },
        { Text, J("{'from':'$S','to':'8491234','content':{'text':'hi'}}"), "to", "is not a valid phone number" },
        { Text, J("{'from':'$S','to':'0912345678','content':{'text':'hi'}}"), "to", "is not a valid phone number" },
        { Text, J("{'from':'$S','to':'99912345678','content':{'text':'hi'}}"), "to", "is not a valid phone number" },
        { Text, J("{'to':'$C','content':{'text':'hi'}}"), "from", "must not be null" },
        { Text, J("{'from':'','to':'$C','content':{'text':'hi'}}"), "from", "must not be blank" },
        { Text, J("{'from':'$S','to':'$C','messageId':'$X201','content':{'text':'hi'}}"), "messageId", "size must be between 0 and 200" },
        { Text, J("{'from':'$S','to':'$C','callbackData':'$X4001','content':{'text':'hi'}}"), "callbackData", "size must be between 0 and 4000" },
        { Text, J("{'from':'$S','to':'$C','notifyUrl':'/webhooks/infobip','content':{'text':'hi'}}"), "notifyUrl", "is not a valid url" },
        { Text, J("{'from':'$S','to':'$C','notifyUrl':'https://x.example.com/$X2030','content':{'text':'hi'}}"), "notifyUrl", "size must be between 0 and 2048" },
        { Text, J("{'from':'$S','to':'$C'}"), "content", "must not be null" },

        // Text.
        { Text, J("{'from':'$S','to':'$C','content':{}}"), "content.text", "must not be null" },
        { Text, J("{'from':'$S','to':'$C','content':{'text':''}}"), "content.text", "size must be between 1 and 4096" },
        { Text, J("{'from':'$S','to':'$C','content':{'text':''}}"), "content.text", "must not be blank" },
        { Text, J("{'from':'$S','to':'$C','content':{'text':'   '}}"), "content.text", "must not be blank" },
        { Text, J("{'from':'$S','to':'$C','content':{'text':'$X4097'}}"), "content.text", "size must be between 1 and 4096" },
        { Text, J("{'from':'$S','to':'$C','content':{'text':42}}"), "content.text", "must be a string" },

        // Media.
        { Image, J("{'from':'$S','to':'$C','content':{}}"), "content.mediaUrl", "must not be null" },
        { Image, J("{'from':'$S','to':'$C','content':{'mediaUrl':'not a url'}}"), "content.mediaUrl", "is not a valid url" },
        { Image, J("{'from':'$S','to':'$C','content':{'mediaUrl':'ftp://cdn.example.com/a.jpg'}}"), "content.mediaUrl", "is not a valid url" },
        { Image, J("{'from':'$S','to':'$C','content':{'mediaUrl':'https://cdn.example.com/$X2030'}}"), "content.mediaUrl", "size must be between 1 and 2048" },
        { Image, J("{'from':'$S','to':'$C','content':{'mediaUrl':'$M','caption':'$X3001'}}"), "content.caption", "size must be between 0 and 3000" },
        { Video, J("{'from':'$S','to':'$C','content':{'mediaUrl':'$M','caption':'$X3001'}}"), "content.caption", "size must be between 0 and 3000" },
        { Document, J("{'from':'$S','to':'$C','content':{'mediaUrl':'$M','filename':'$X241'}}"), "content.filename", "size must be between 0 and 240" },
        { Audio, J("{'from':'$S','to':'$C','content':{'mediaUrl':''}}"), "content.mediaUrl", "must not be blank" },

        // Interactive buttons.
        { Buttons, ButtonsBody("Pick one", "[]"), "content.action.buttons", "size must be between 1 and 3" },
        { Buttons, ButtonsBody("Pick one", $"[{Button("a", "A")},{Button("b", "B")},{Button("c", "C")},{Button("d", "D")}]"), "content.action.buttons", "size must be between 1 and 3" },
        { Buttons, ButtonsBody("Pick one", $"[{Button("a", "A")},{Button("b", "$X21")}]"), "content.action.buttons[1].title", "size must be between 1 and 20" },
        { Buttons, ButtonsBody("Pick one", $"[{Button("a", "A")},{Button("a", "B")}]"), "content.action.buttons[1].id", "must be unique" },
        { Buttons, ButtonsBody("Pick one", $"[{Button("$X257", "A")}]"), "content.action.buttons[0].id", "size must be between 1 and 256" },
        { Buttons, ButtonsBody("Pick one", "[{'type':'URL','id':'a','title':'A'}]"), "content.action.buttons[0].type", "must be REPLY" },
        { Buttons, ButtonsBody("$X1025", $"[{Button("a", "A")}]"), "content.body.text", "size must be between 1 and 1024" },
        { Buttons, ButtonsBody("Pick one", $"[{Button("a", "A")}]", ",'header':{'type':'TEXT','text':'$X61'}"), "content.header.text", "size must be between 1 and 60" },
        { Buttons, ButtonsBody("Pick one", $"[{Button("a", "A")}]", ",'footer':{'text':'$X61'}"), "content.footer.text", "size must be between 1 and 60" },
        { Buttons, ButtonsBody("Pick one", $"[{Button("a", "A")}]", ",'header':{'type':'IMAGE','mediaUrl':'nope'}"), "content.header.mediaUrl", "is not a valid url" },

        // Interactive list.
        { List, ListBody("$X21", $"[{Section(null, Row("r1", "One"))}]"), "content.action.title", "size must be between 1 and 20" },
        { List, ListBody("Choose", "[]"), "content.action.sections", "size must be between 1 and 10" },
        { List, ListBody("Choose", "[" + string.Join(",", Enumerable.Range(0, 11).Select(i => Section($"S{i}", Row($"r{i}", "Row")))) + "]"), "content.action.sections", "size must be between 1 and 10" },
        { List, ListBody("Choose", $"[{Section("A", Rows(0, 6))},{Section("B", Rows(6, 5))}]"), "content.action.sections", "at most 10 rows in total" },
        { List, ListBody("Choose", $"[{Section("A", Row("same", "One"))},{Section("B", Row("same", "Two"))}]"), "content.action.sections[1].rows[0].id", "must be unique across all sections" },
        { List, ListBody("Choose", $"[{Section(null, Row("$X201", "One"))}]"), "content.action.sections[0].rows[0].id", "size must be between 1 and 200" },
        { List, ListBody("Choose", $"[{Section(null, Row("r1", "$X25"))}]"), "content.action.sections[0].rows[0].title", "size must be between 1 and 24" },
        { List, ListBody("Choose", $"[{Section(null, Row("r1", "One", "$X73"))}]"), "content.action.sections[0].rows[0].description", "size must be between 0 and 72" },
        { List, ListBody("Choose", $"[{Section("A", Row("r1", "One"))},{Section(null, Row("r2", "Two"))}]"), "content.action.sections[1].title", "more than one section" },
        { List, ListBody("Choose", $"[{Section(null, Row("r1", "One"))}]", body: " "), "content.body.text", "must not be blank" },
        { List, ListBody("Choose", $"[{Section(null, Row("r1", "One"))}]", extra: ",'header':{'type':'IMAGE','mediaUrl':'$M'}"), "content.header.type", "must be TEXT" },

        // Templates: checked against the catalogue; keys carry no "messages[0]." prefix.
        { Template, TemplateBody("no_such_template", "en", "['a']"), "content.templateName", "does not exist" },
        { Template, TemplateBody("welcome_offer", "fr", "['a','b']"), "content.templateName", "does not exist in language 'fr'" },
        { Template, TemplateBody("spring_sale", "en", "['20','Friday']", header: "{'type':'IMAGE','mediaUrl':'$M'}"), "content.templateName", "is PENDING" },
        { Template, TemplateBody("welcome_offer", "en", "['Ann']"), "content.templateData.body.placeholders", "expected 2 placeholders, got 1" },
        { Template, TemplateBody("welcome_offer", "en", "['Ann','X','Y']"), "content.templateData.body.placeholders", "expected 2 placeholders, got 3" },
        { Template, TemplateBody("appointment_reminder", "en_GB", "['Ann','Monday']"), "content.templateData.body.placeholders", "expected 3 placeholders, got 2" },
        { Template, TemplateBody("welcome_offer", "en", "['Ann',' ']"), "content.templateData.body.placeholders[1]", "must not be blank" },
        { Template, TemplateBody("welcome_offer", "en", null), "content.templateData.body.placeholders", "must not be null" },
        { Template, TemplateBody("order_shipped", "en", "['Ann','A-1']", buttons: "[{'type':'URL','parameter':'A-1'}]"), "content.templateData.header", "DOCUMENT header" },
        { Template, TemplateBody("order_shipped", "en", "['Ann','A-1']", header: "{'type':'IMAGE','mediaUrl':'$M'}", buttons: "[{'type':'URL','parameter':'A-1'}]"), "content.templateData.header.type", "must be DOCUMENT" },
        { Template, TemplateBody("order_shipped", "en", "['Ann','A-1']", header: "{'type':'DOCUMENT','mediaUrl':'invoice.pdf'}", buttons: "[{'type':'URL','parameter':'A-1'}]"), "content.templateData.header.mediaUrl", "is not a valid url" },
        { Template, TemplateBody("order_shipped", "en", "['Ann','A-1']", header: "{'type':'DOCUMENT','mediaUrl':'$M'}"), "content.templateData.buttons", "dynamic URL button 'Track order'" },
        { Template, TemplateBody("order_shipped", "en", "['Ann','A-1']", header: "{'type':'DOCUMENT','mediaUrl':'$M'}", buttons: "[{'type':'URL','parameter':''}]"), "content.templateData.buttons[0].parameter", "must not be blank" },
        { Template, J("{'messages':[{'from':'$S','to':'$C','content':{'language':'en','templateData':{'body':{'placeholders':[]}}}}]}"), "content.templateName", "must not be null" },
        { Template, J("{'messages':[]}"), "messages", "size must be between 1" },
        { Template, J("{'bulkId':'x'}"), "messages", "must not be null" },
        { Template, J("{'bulkId':'$X101','messages':[" + ValidTemplate + "]}"), "bulkId", "size must be between 0 and 100" },
        { Template, J("{'messages':[" + ValidTemplate + ",{'from':'$S','to':'+$C','content':{'templateName':'otp_code','language':'en','templateData':{'body':{'placeholders':['123456']}}}}]}"), "to", "must contain digits only" },
    };

    public static TheoryData<string, string> ValidMessages() => new()
    {
        { Text, J("{'from':'$S','to':'$C','messageId':'$X200','callbackData':'$X4000','notifyUrl':'https://hooks.example.com/infobip','content':{'text':'$X4096'}}") },
        { Image, J("{'from':'$S','to':'$C','content':{'mediaUrl':'https://cdn.example.com/a.jpg','caption':'$X3000'}}") },
        { Document, J("{'from':'$S','to':'$C','content':{'mediaUrl':'$M','caption':'Invoice','filename':'$X240'}}") },
        { Video, J("{'from':'$S','to':'$C','content':{'mediaUrl':'http://cdn.example.com/a.mp4'}}") },
        { Audio, J("{'from':'$S','to':'$C','content':{'mediaUrl':'https://cdn.example.com/a.ogg','voice':true}}") },
        { Buttons, ButtonsBody("$X1024", $"[{Button("$X256", "$X20")},{Button("b", "B")},{Button("c", "C")}]", ",'header':{'type':'TEXT','text':'$X60'},'footer':{'text':'$X60'}") },
        { Buttons, ButtonsBody("Pick", $"[{Button("a", "A")}]", ",'header':{'type':'DOCUMENT','mediaUrl':'$M','filename':'a.pdf'}") },
        { List, ListBody("$X20", $"[{Section("A", Rows(0, 5))},{Section("B", Rows(5, 5))}]") },
        { List, ListBody("Choose", $"[{Section(null, Row("$X200", "$X24", "$X72"))}]") },
        { Template, J("{'messages':[" + ValidTemplate + "]}") },
        { Template, TemplateBody("order_shipped", "en", "['Ann','A-1']", header: "{'type':'DOCUMENT','mediaUrl':'$M','filename':'invoice.pdf'}", buttons: "[{'type':'URL','parameter':'A-1'}]") },
        { Template, TemplateBody("appointment_reminder", "en_GB", "['Ann','Monday 3 March','10:30']") },
        { Template, TemplateBody("otp_code", "en", "['123456']", buttons: "[{'type':'COPY_CODE','parameter':'123456'}]") },
    };

    private static string ValidTemplate => "{'from':'$S','to':'$C','content':{'templateName':'welcome_offer','language':'en','templateData':{'body':{'placeholders':['Ann','WELCOME15']}}}}";

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task An_invalid_message_gets_400_naming_the_field_and_changes_nothing(string path, string body, string field, string reason)
    {
        var before = fixture.Sandbox.AcceptedMessages.Count;

        using var response = await fixture.Client.PostJsonAsync(path, body);

        var errors = await InfobipErrorAssert.IsValidationErrorAsync(response, field, reason);
        Assert.DoesNotContain(errors.EnumerateObject(), e => e.Name.StartsWith("messages[", StringComparison.Ordinal));
        Assert.Equal(before, fixture.Sandbox.AcceptedMessages.Count);
    }

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public async Task A_message_at_every_limit_is_accepted(string path, string body)
    {
        using var response = await fixture.Client.PostJsonAsync(path, body);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// JSON written with single quotes; <c>$S</c> is the sender, <c>$C</c> the customer, <c>$M</c> a
    /// media URL and <c>$X123</c> 123 times 'x'.
    /// </summary>
    private static string J(string json) =>
        Repeat().Replace(
                json.Replace('\'', '"')
                    .Replace("$S", TestSandbox.Sender, StringComparison.Ordinal)
                    .Replace("$C", TestSandbox.Customer, StringComparison.Ordinal)
                    .Replace("$M", "https://cdn.example.com/invoice.pdf", StringComparison.Ordinal),
                m => new string('x', int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\$X(\d+)")]
    private static partial Regex Repeat();

    private static string Button(string id, string title) => "{'type':'REPLY','id':'" + id + "','title':'" + title + "'}";

    private static string ButtonsBody(string body, string buttons, string extra = "") =>
        J("{'from':'$S','to':'$C','content':{'body':{'text':'" + body + "'},'action':{'buttons':" + buttons + "}" + extra + "}}");

    private static string Row(string id, string title, string? description = null) =>
        "{'id':'" + id + "','title':'" + title + "'" + (description is null ? "" : ",'description':'" + description + "'") + "}";

    private static string Rows(int first, int count) => string.Join(",", Enumerable.Range(first, count).Select(i => Row($"r{i}", $"Row {i}")));

    private static string Section(string? title, string rows) =>
        "{" + (title is null ? "" : "'title':'" + title + "',") + "'rows':[" + rows + "]}";

    private static string ListBody(string title, string sections, string body = "Our shops", string extra = "") =>
        J("{'from':'$S','to':'$C','content':{'body':{'text':'" + body + "'},'action':{'title':'" + title + "','sections':" + sections + "}" + extra + "}}");

    private static string TemplateBody(string name, string language, string? placeholders, string? header = null, string? buttons = null)
    {
        var data = "{'body':" + (placeholders is null ? "{}" : "{'placeholders':" + placeholders + "}")
            + (header is null ? "" : ",'header':" + header)
            + (buttons is null ? "" : ",'buttons':" + buttons) + "}";
        return J("{'messages':[{'from':'$S','to':'$C','content':{'templateName':'" + name + "','language':'" + language + "','templateData':" + data + "}}]}");
    }
}

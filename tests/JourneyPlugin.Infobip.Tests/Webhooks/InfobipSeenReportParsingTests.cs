using JourneyPlugin.Infobip.Webhooks;
using static JourneyPlugin.Infobip.Tests.Webhooks.InfobipWebhookPayloads;

namespace JourneyPlugin.Infobip.Tests.Webhooks;

public sealed class InfobipSeenReportParsingTests
{
    [Fact]
    public void Parses_a_seen_report()
    {
        var batch = InfobipWebhookParser.ParseSeenReports(Utf8(SeenReport));

        var report = Assert.Single(batch.Results);
        Assert.Equal("fb469d73-d362-463f-b30f-1e959b53badc", report.MessageId);
        Assert.Equal("385919998888", report.From);
        Assert.Equal("41793026731", report.To);
        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 0, 58, 647, TimeSpan.FromHours(-3)), report.SentAt);
        Assert.Equal(new DateTimeOffset(2019, 4, 9, 19, 5, 12, 30, TimeSpan.Zero), report.SeenAt);
        Assert.Equal(TimeSpan.FromHours(-3), report.SeenAt!.Value.Offset);
        Assert.Equal("app-1", report.ApplicationId);
        Assert.Equal("entity-1", report.EntityId);
        Assert.Equal(new InfobipWebhookContact("Frank", "385919998888", "HR.123123123"), report.Contact);
    }

    [Fact]
    public void Only_the_message_id_is_required()
    {
        var report = Assert.Single(InfobipWebhookParser.ParseSeenReports("""{"results":[{"messageId":"m-1"}]}"""u8).Results);

        Assert.Equal(new InfobipSeenReport("m-1"), report);
        Assert.Null(report.SeenAt);
    }

    [Fact]
    public async Task Stream_overload_gives_the_same_result()
    {
        await using var stream = new MemoryStream(Utf8(SeenReport));

        var batch = await InfobipWebhookParser.ParseSeenReportsAsync(stream);

        Assert.Equal(InfobipWebhookParser.ParseSeenReports(Utf8(SeenReport)).Results[0], Assert.Single(batch.Results));
    }

    [Fact]
    public void Memory_overload_gives_the_same_result()
    {
        ReadOnlyMemory<byte> body = Utf8(SeenReport);

        Assert.Equal("385919998888", Assert.Single(InfobipWebhookParser.ParseSeenReports(body).Results).From);
    }
}

using System.Text;
using JourneyPlugin.Infobip.Webhooks;
using static JourneyPlugin.Infobip.Tests.Webhooks.InfobipWebhookPayloads;

namespace JourneyPlugin.Infobip.Tests.Webhooks;

public sealed class InfobipDeliveryReportParsingTests
{
    [Fact]
    public void Parses_the_documented_delivery_report()
    {
        var batch = InfobipWebhookParser.ParseDeliveryReports(Utf8(DeliveryReport));

        var report = Assert.Single(batch.Results);
        Assert.Equal("", report.BulkId);
        Assert.Equal("fb469d73-d362-463f-b30f-1e959b53badc", report.MessageId);
        Assert.Equal("41793026731", report.To);
        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 0, 58, 647, TimeSpan.FromHours(-3)), report.SentAt);
        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromHours(-3)), report.DoneAt);
        Assert.Equal(TimeSpan.FromHours(-3), report.DoneAt!.Value.Offset);
        Assert.Equal(1, report.MessageCount);
        Assert.Equal(new InfobipPrice(0.21m, "BRL"), report.Price);
        Assert.Equal(new InfobipMessageStatus(3, "DELIVERED", 5, "DELIVERED_TO_HANDSET", "Message delivered to handset"), report.Status);
        Assert.Null(report.Status.Action);
        Assert.Equal(new InfobipMessageError(0, "OK", 0, "NO_ERROR", "No Error", Permanent: false), report.Error);
        Assert.Equal(new InfobipWebhookContact("...", "...", "US.…", "...", "..."), report.Contact);
        Assert.Null(report.CallbackData);
        Assert.Null(report.EntityId);
        Assert.Null(report.ApplicationId);
        Assert.Null(report.Channel);
        Assert.True(report.IsDelivered);
        Assert.False(report.IsPending);
        Assert.False(report.IsFailure);
    }

    [Fact]
    public void Parses_a_failed_delivery_report_with_the_optional_fields()
    {
        var report = Assert.Single(InfobipWebhookParser.ParseDeliveryReports(Utf8(FailedDeliveryReport)).Results);

        Assert.Equal("2034072219640523073", report.BulkId);
        Assert.Equal(
            new InfobipMessageStatus(2, "UNDELIVERABLE", 4, "UNDELIVERABLE_REJECTED_OPERATOR", "Message rejected by operator", "Check the template parameters"),
            report.Status);
        Assert.Equal(
            new InfobipMessageError(1, "HANDSET_ERRORS", 7008, "EC_INVALID_TEMPLATE_ARGS", "Failed to match template parameters (code 7008)", Permanent: true),
            report.Error);
        Assert.Null(report.Price);
        Assert.Null(report.Contact);
        Assert.Equal("journey=42;step=7", report.CallbackData);
        Assert.Equal("entity-1", report.EntityId);
        Assert.Equal("app-1", report.ApplicationId);
        Assert.Equal("WHATSAPP", report.Channel);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 8, 0, 2, 250, TimeSpan.Zero), report.DoneAt);
        Assert.True(report.IsFailure);
        Assert.False(report.IsDelivered);
        Assert.False(report.IsPending);
    }

    [Theory]
    [InlineData(1, "PENDING", true, false, false)]
    [InlineData(2, "UNDELIVERABLE", false, false, true)]
    [InlineData(3, "DELIVERED", false, true, false)]
    [InlineData(4, "EXPIRED", false, false, true)]
    [InlineData(5, "REJECTED", false, false, true)]
    [InlineData(0, "OK", false, false, false)]
    [InlineData(9, "SOMETHING_NEW", false, false, false)]
    public void Status_group_decides_pending_delivered_and_failure(int groupId, string groupName, bool pending, bool delivered, bool failure)
    {
        var json = $$$"""{"results":[{"messageId":"m","to":"41793026731","status":{"groupId":{{{groupId}}},"groupName":"{{{groupName}}}","id":1,"name":"X"}}]}""";

        var report = Assert.Single(InfobipWebhookParser.ParseDeliveryReports(Utf8(json)).Results);

        Assert.Equal(groupId, report.Status.GroupId);
        Assert.Equal(groupName, report.Status.GroupName);
        Assert.Equal(pending, report.IsPending);
        Assert.Equal(delivered, report.IsDelivered);
        Assert.Equal(failure, report.IsFailure);
    }

    [Fact]
    public void Parses_only_the_required_fields()
    {
        var json = """{"results":[{"messageId":"m-1","to":"41793026731","status":{"groupId":1,"groupName":"PENDING","id":7,"name":"PENDING_ENROUTE"}}]}""";

        var report = Assert.Single(InfobipWebhookParser.ParseDeliveryReports(Utf8(json)).Results);

        Assert.Equal(new InfobipDeliveryReport("m-1", "41793026731", new InfobipMessageStatus(1, "PENDING", 7, "PENDING_ENROUTE")), report);
        Assert.Null(report.SentAt);
        Assert.Null(report.DoneAt);
        Assert.Equal(0, report.MessageCount);
    }

    [Fact]
    public void Parses_an_empty_batch()
    {
        Assert.Empty(InfobipWebhookParser.ParseDeliveryReports("""{"results":[]}"""u8).Results);
    }

    [Fact]
    public void Parses_a_batch_of_two_thousand_reports_in_order()
    {
        var batch = InfobipWebhookParser.ParseDeliveryReports(Utf8(DeliveryReports(2_000)));

        Assert.Equal(2_000, batch.Results.Count);
        for (var i = 0; i < batch.Results.Count; i++)
        {
            Assert.Equal($"msg-{i:D5}", batch.Results[i].MessageId);
        }

        var last = batch.Results[1_999];
        Assert.Equal("41793021999", last.To);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 8, 33, 19, 999, TimeSpan.FromHours(1)), last.DoneAt);
        Assert.Equal(new InfobipMessageStatus(5, "REJECTED", 18, "REJECTED_DESTINATION_NOT_REGISTERED"), last.Status);
        Assert.Equal(7002, last.Error!.Id);
        Assert.True(last.IsFailure);
        Assert.Equal(1_000, batch.Results.Count(r => r.IsDelivered));
        Assert.Equal(1_000, batch.Results.Count(r => r.IsFailure));
        Assert.Equal(0.0042m, batch.Results[0].Price!.PricePerMessage);
    }

    [Fact]
    public void Ignores_unknown_fields_at_every_level()
    {
        var json = """
            { "brandNew": { "nested": [1, 2, { "deep": null }] },
              "results": [ {
                "messageId": "m-1", "futureField": "2019-13-99 not a timestamp",
                "to": "41793026731",
                "status": { "groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET", "reason": { "x": 1 } },
                "error": { "groupId": 0, "groupName": "OK", "id": 0, "name": "NO_ERROR", "permanent": false, "extra": [] },
                "price": { "pricePerMessage": 0.5, "currency": "EUR", "tax": 0.1 },
                "platform": { "entityId": "e", "applicationId": "a" } } ],
              "trailing": true }
            """;

        var report = Assert.Single(InfobipWebhookParser.ParseDeliveryReports(Utf8(json)).Results);

        Assert.Equal("m-1", report.MessageId);
        Assert.Equal("41793026731", report.To);
        Assert.Equal(new InfobipMessageStatus(3, "DELIVERED", 5, "DELIVERED_TO_HANDSET"), report.Status);
        Assert.Equal(new InfobipPrice(0.5m, "EUR"), report.Price);
        Assert.Null(report.EntityId);
    }

    [Fact]
    public void Accepts_a_byte_order_mark()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Utf8(DeliveryReport)).ToArray();

        var report = Assert.Single(InfobipWebhookParser.ParseDeliveryReports(body).Results);

        Assert.Equal("fb469d73-d362-463f-b30f-1e959b53badc", report.MessageId);
    }

    [Fact]
    public void Memory_overload_gives_the_same_result()
    {
        ReadOnlyMemory<byte> body = Utf8(FailedDeliveryReport);

        var report = Assert.Single(InfobipWebhookParser.ParseDeliveryReports(body).Results);

        Assert.Equal(Assert.Single(InfobipWebhookParser.ParseDeliveryReports(body.Span).Results), report);
    }

    [Fact]
    public async Task Stream_overload_reads_a_large_body_in_small_chunks()
    {
        var json = Utf8(DeliveryReports(2_000));
        await using var stream = new TrickleStream(json, chunkSize: 997);

        var batch = await InfobipWebhookParser.ParseDeliveryReportsAsync(stream, CancellationToken.None);

        Assert.Equal(2_000, batch.Results.Count);
        Assert.Equal("msg-01999", batch.Results[^1].MessageId);
        Assert.Equal(InfobipWebhookParser.ParseDeliveryReports(json).Results[1234], batch.Results[1234]);
    }

    [Fact]
    public async Task Stream_overload_honours_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        await using var stream = new MemoryStream(Utf8(DeliveryReport));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await InfobipWebhookParser.ParseDeliveryReportsAsync(stream, cancellation.Token));
    }

    [Fact]
    public async Task Stream_overload_rejects_a_null_stream()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(
            async () => await InfobipWebhookParser.ParseDeliveryReportsAsync(null!));
    }
}

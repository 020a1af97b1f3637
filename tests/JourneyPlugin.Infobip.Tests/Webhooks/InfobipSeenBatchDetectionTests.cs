using System.Text;
using JourneyPlugin.Infobip.Webhooks;

namespace JourneyPlugin.Infobip.Tests.Webhooks;

/// <summary>Delivery and seen reports share a notify URL; the parser tells them apart.</summary>
public sealed class InfobipSeenBatchDetectionTests
{
    [Theory]
    [InlineData("""{"results":[{"messageId":"m","seenAt":"2019-04-09T16:01:56.494-0300"}]}""", true)]
    [InlineData("""{"results":[{"messageId":"m","to":"84912345678","status":{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET"}}]}""", false)]
    [InlineData("""{"results":[{"messageId":"m","seenAt":"x","status":{}}]}""", false)]
    [InlineData("""{"results":[]}""", false)]
    [InlineData("""not json""", false)]
    public void A_batch_is_a_seen_report_when_its_first_result_has_seen_at_and_no_status(string body, bool seen) =>
        Assert.Equal(seen, InfobipWebhookParser.IsSeenReportBatch(Encoding.UTF8.GetBytes(body)));
}

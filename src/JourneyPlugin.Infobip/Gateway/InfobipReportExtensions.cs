using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.WhatsApp.Messaging;

namespace JourneyPlugin.Infobip.Gateway;

/// <summary>Maps Infobip's delivery and seen reports to the vendor-neutral model the runtime keeps.</summary>
public static class InfobipReportExtensions
{
    /// <summary>The delivery report as a vendor-neutral report (groups 2, 4 and 5 are failures).</summary>
    /// <param name="report">The report.</param>
    /// <param name="receivedAt">When it arrived, used when the report carries no time of its own.</param>
    public static WhatsAppDeliveryReport ToWhatsAppReport(this InfobipDeliveryReport report, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = report.Status.GroupId switch
        {
            3 => WhatsAppDeliveryStatus.Delivered,
            2 or 4 or 5 => WhatsAppDeliveryStatus.Failed,
            _ => WhatsAppDeliveryStatus.Pending,
        };
        return new WhatsAppDeliveryReport(report.MessageId, status, report.DoneAt ?? report.SentAt ?? receivedAt)
        {
            VendorStatus = report.Status.Name,
            ErrorCode = status == WhatsAppDeliveryStatus.Failed ? report.Error?.Name ?? report.Status.Name : null,
            Detail = status == WhatsAppDeliveryStatus.Failed ? report.Error?.Description ?? report.Status.Description : null,
            Recipient = report.To,
        };
    }

    /// <summary>The seen report as a vendor-neutral report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="receivedAt">When it arrived, used when the report carries no time of its own.</param>
    public static WhatsAppDeliveryReport ToWhatsAppReport(this InfobipSeenReport report, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new WhatsAppDeliveryReport(report.MessageId, WhatsAppDeliveryStatus.Seen, report.SeenAt ?? report.SentAt ?? receivedAt)
        {
            VendorStatus = "SEEN",
            Recipient = report.To,
        };
    }
}

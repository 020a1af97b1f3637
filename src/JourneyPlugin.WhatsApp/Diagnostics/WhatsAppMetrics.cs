using System.Diagnostics.Metrics;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.Workflows.Diagnostics;

namespace JourneyPlugin.WhatsApp.Diagnostics;

/// <summary>
/// The WhatsApp instruments of the <c>JourneyPlugin</c> meter: messages sent and not sent (by reason).
/// A step replayed after a crash finds the message already in the ledger and is counted again, so the
/// counters are rates to watch, not the funnel; the funnel is in the run store.
/// </summary>
public sealed class WhatsAppMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    /// <summary>Creates the instruments on the meter of <paramref name="meterFactory"/>, or on a meter of its own without one.</summary>
    public WhatsAppMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = JourneyPluginMeter.Create(meterFactory);
        _sent = meter.CreateCounter<long>("journeyplugin.whatsapp.messages.sent", "{message}", "Messages the vendor accepted.");
        _failed = meter.CreateCounter<long>("journeyplugin.whatsapp.messages.failed", "{message}", "Messages not sent, by reason (invalid number, opted out, outside the window, vendor rejection, ...).");
    }

    /// <summary>A message the vendor accepted.</summary>
    public void Sent() => _sent.Add(1);

    /// <summary>A message not sent, for <paramref name="reason"/>.</summary>
    public void Failed(WhatsAppFailureReason reason) => _failed.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
}

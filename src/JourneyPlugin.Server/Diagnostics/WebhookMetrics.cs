using System.Diagnostics.Metrics;
using JourneyPlugin.Server.Webhooks;
using JourneyPlugin.Workflows.Diagnostics;

namespace JourneyPlugin.Server.Diagnostics;

/// <summary>The webhook instruments of the <c>JourneyPlugin</c> meter: requests by outcome, results received.</summary>
internal sealed class WebhookMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _results;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = JourneyPluginMeter.Create(meterFactory);
        _requests = meter.CreateCounter<long>("journeyplugin.webhook.requests", "{request}", "Vendor webhook requests, by kind and HTTP status answered.");
        _results = meter.CreateCounter<long>("journeyplugin.webhook.results", "{result}", "Results (reports, messages) in accepted webhook requests, by kind.");
    }

    /// <summary>A request of <paramref name="kind"/> answered with <paramref name="statusCode"/>, carrying <paramref name="results"/> results.</summary>
    public void Answered(WebhookKind kind, int statusCode, int results = 0)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind.ToString());
        _requests.Add(1, kindTag, new KeyValuePair<string, object?>("http.response.status_code", statusCode));
        if (results > 0)
        {
            _results.Add(results, kindTag);
        }
    }
}

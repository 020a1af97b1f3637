using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.Runtime.Grains;

/// <summary>What a completed step adds to its run's funnel (sent, failed by reason, replied, timed out).</summary>
internal static class FunnelSteps
{
    private const string SendType = "Journeys.SendInfobipWhatsApp";
    private const string WaitType = "Journeys.WaitForUserReply";

    public static List<FunnelIncrement> For(string runId, WorkflowState state, ActivityRecord record)
    {
        var increments = new List<FunnelIncrement>(2);
        if (record.ActivityType == SendType)
        {
            if (record.Outcomes.Contains(SendInfobipWhatsApp.Sent))
            {
                increments.Add(Step(FunnelCounter.Sent));
            }
            else if (record.Outcomes.Contains(SendInfobipWhatsApp.Failed))
            {
                var reason = state.Outputs.GetValueOrDefault(record.ActivityId)?.GetValueOrDefault("failureReason")?.GetValue<string>();
                increments.Add(Step(FunnelCounter.Failed, string.IsNullOrEmpty(reason) ? null : reason));
            }
        }
        else if (record.ActivityType == WaitType)
        {
            if (record.Outcomes.Contains(WaitForUserReply.Replied))
            {
                increments.Add(Step(FunnelCounter.Replied));
            }
            else if (record.Outcomes.Contains(WaitForUserReply.TimedOut))
            {
                increments.Add(Step(FunnelCounter.TimedOut));
            }
        }

        return increments;

        FunnelIncrement Step(FunnelCounter counter, string? reason = null) => new(runId, record.ActivityId, counter, reason);
    }
}

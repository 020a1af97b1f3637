using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Runtime.Delivery;

/// <summary>Tells the journey waiting on a send how it was settled.</summary>
internal static class SendSettlements
{
    public static Task<int> ResumeAsync(IGrainFactory grains, string instanceId, string messageId, SendSettlement settlement)
    {
        var hash = StimulusHasher.Hash(SendSettlementStimulus.Name, ValueConverter.ToJson(new SendSettlementStimulus(messageId)));
        var input = new JsonObject { [SendSettlementStimulus.InputKey] = settlement.ToString() }.ToJsonString();
        return grains.GetGrain<IJourneyInstanceGrain>(instanceId).ResumeAsync(hash, input);
    }
}

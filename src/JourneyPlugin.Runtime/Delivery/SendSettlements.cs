using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Delivery;

/// <summary>Tells the journey waiting on a send how it was settled.</summary>
internal sealed class SendSettlements(IGrainFactory grains, IConversationStore conversations, IOptions<ConversationOptions> options, TimeProvider clock, ILogger logger)
{
    /// <summary>Resumes the journey; when it does not wait on the send (yet), the settlement is held for the wait, as a reply would be.</summary>
    /// <remarks>
    /// A campaign batch saves the wait only at the end of the burst that sent the message, and a delivery
    /// report can settle the send before that. A journey that no longer waits leaves the held settlement to expire.
    /// </remarks>
    public async Task<int> TellAsync(string instanceId, string messageId, SendSettlement settlement)
    {
        var hash = StimulusHasher.Hash(SendSettlementStimulus.Name, ValueConverter.ToJson(new SendSettlementStimulus(messageId)));
        var input = new JsonObject { [SendSettlementStimulus.InputKey] = settlement.ToString() }.ToJsonString();
        return await HeldReplies.ResumeOrHoldAsync(
            conversations, hash, input, clock.GetUtcNow() + options.Value.HoldRepliesFor, logger, () => grains.GetGrain<IJourneyInstanceGrain>(instanceId).ResumeAsync(hash, input)).ConfigureAwait(false);
    }
}

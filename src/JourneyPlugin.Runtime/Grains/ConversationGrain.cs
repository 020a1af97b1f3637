using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Diagnostics;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Grains;

/// <summary>Handles a conversation's inbound messages one at a time; see <see cref="IConversationGrain"/>.</summary>
internal sealed partial class ConversationGrain(
    IConversationStore conversations,
    IJourneyInstanceStore instances,
    IGrainFactory grains,
    IOptions<ConversationOptions> options,
    TimeProvider clock,
    JourneyRuntimeMetrics metrics,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    public async Task<bool> OnInboundAsync(InboundReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var started = clock.GetTimestamp();
        if (!await conversations.RecordInboundAsync(reply.Sender, reply.Customer, reply.MessageId, reply.ReceivedAt))
        {
            Log.Duplicate(logger, reply.MessageId);
            return false;
        }

        var keyword = reply.Text?.Trim();
        if (keyword is not null && options.Value.StopKeywords.Contains(keyword, StringComparer.OrdinalIgnoreCase))
        {
            await conversations.SetOptedOutAsync(reply.Sender, reply.Customer, true, reply.ReceivedAt);
            Log.OptedOut(logger, PhoneNumber.Redact(reply.Customer));
        }
        else if (keyword is not null && options.Value.StartKeywords.Contains(keyword, StringComparer.OrdinalIgnoreCase))
        {
            await conversations.SetOptedOutAsync(reply.Sender, reply.Customer, false, reply.ReceivedAt);
        }

        var hash = StimulusHasher.Hash(WaitForUserReply.StimulusName, Workflows.Execution.ValueConverter.ToJson(new UserReplyStimulus(reply.Sender, reply.Customer)));
        var input = new JsonObject { [WaitForUserReply.ReplyInputKey] = JsonNode.Parse(reply.MessageJson) }.ToJsonString();
        // The wait may not be stored yet (the send that asks the question is still in flight): then the reply is held for it.
        var resumed = await HeldReplies.ResumeOrHoldAsync(conversations, hash, input, clock.GetUtcNow() + options.Value.HoldRepliesFor, logger, async () =>
        {
            var count = 0;
            foreach (var instanceId in await instances.FindWaitingAsync(hash))
            {
                count += await grains.GetGrain<IJourneyInstanceGrain>(instanceId).ResumeAsync(hash, input);
            }

            return count;
        });
        metrics.Resumed(resumed, clock.GetElapsedTime(started));
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Inbound message {MessageId} was already handled")]
        public static partial void Duplicate(ILogger logger, string messageId);

        [LoggerMessage(2, LogLevel.Information, "Customer {Customer} opted out")]
        public static partial void OptedOut(ILogger logger, string customer);
    }
}

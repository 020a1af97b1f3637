using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.WhatsApp.Activities;

/// <summary>
/// Waits for the customer's next WhatsApp message on the connection's number, with a durable
/// timeout. Completes with <c>Replied</c>, plus the matching expected reply or <c>Other</c>, or with
/// <c>Timeout</c>.
/// </summary>
[Activity("Journeys", "WhatsApp", "Wait for the customer's next WhatsApp message, or time out.", DisplayName = "Wait for User Reply")]
[FlowNode(Replied, TimedOut)]
[MaySuspend]
public sealed class WaitForUserReply : Activity, IActivityWithDynamicOutcomes
{
    /// <summary>The stimulus name of the reply bookmark.</summary>
    public const string StimulusName = "Journeys.WaitForUserReply";

    /// <summary>The resume input key that carries the reply (a <see cref="WhatsAppInboundMessage"/>).</summary>
    public const string ReplyInputKey = "UserReply";

    /// <summary>The outcome of any reply.</summary>
    public const string Replied = "Replied";

    /// <summary>The outcome when no reply came in time.</summary>
    public const string TimedOut = "Timeout";

    /// <summary>The outcome of a reply that matches none of the expected replies.</summary>
    public const string Other = "Other";

    /// <summary>The WhatsApp connection whose number the customer writes to.</summary>
    [Required]
    [Input(Description = "The WhatsApp connection the reply comes in on.", UIHint = UIHints.ConnectionPicker, Order = 1)]
    public Input<string> Connection { get; set; } = new(Expression.Literal(null));

    /// <summary>The customer; the <c>phone</c> attribute by default.</summary>
    [Input(Description = "The customer's number with country code.", DefaultSyntax = ExpressionTypes.Scriban, Order = 2)]
    public Input<string> From { get; set; } = new(Expression.Scriban("{{ customer.phone }}"));

    /// <summary>How long to wait (ISO 8601, e.g. <c>P2D</c>); empty waits for ever.</summary>
    [Input(Description = "How long to wait, e.g. PT24H or P2D; empty waits for ever.", UIHint = UIHints.Duration, Order = 3)]
    public Input<TimeSpan?> Timeout { get; set; } = new((TimeSpan?)null);

    /// <summary>Keywords or button payloads that get a port each (matched trimmed, ignoring case).</summary>
    [Input(Description = "Replies that get a port of their own, e.g. YES and NO; anything else goes to Other.", UIHint = UIHints.DynamicOutcomes, Order = 4)]
    public Input<List<string>> ExpectedReplies { get; set; } = new([]);

    /// <summary>The reply's text, or the title of the button tapped.</summary>
    [Output(Description = "The text of the reply.")]
    public Output<string?>? ReplyText { get; set; }

    /// <summary>The whole inbound message.</summary>
    [Output(Description = "The whole inbound message.")]
    public Output<object?>? Reply { get; set; }

    /// <summary>When the customer replied.</summary>
    [Output(Description = "When the customer replied.")]
    public Output<DateTimeOffset?>? RepliedAt { get; set; }

    /// <inheritdoc />
    public IReadOnlyList<string> GetOutcomes()
    {
        var expected = LiteralExpectedReplies();
        return expected.Count == 0 ? [Replied, TimedOut] : [Replied, TimedOut, .. expected, Other];
    }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Get(Connection);
        var sender = string.IsNullOrWhiteSpace(connection)
            ? null
            : await context.GetRequiredService<IWhatsAppGateway>().GetSenderAsync(connection, context.CancellationToken).ConfigureAwait(false);
        if (sender is null)
        {
            throw new InvalidOperationException($"there is no WhatsApp connection '{connection}'");
        }

        if (!PhoneNumber.TryParse(context.Get(From), out var customer, out var reason))
        {
            throw new InvalidOperationException($"the customer's number {reason}");
        }

        context.CreateBookmark(new CreateBookmarkArgs
        {
            Stimulus = new UserReplyStimulus(sender, customer.Digits),
            BookmarkName = StimulusName,

            // The inbound webhook knows the numbers, not this activity instance.
            IncludeActivityInstanceId = false,
            Callback = OnReplyAsync,
        });

        if (context.Get(Timeout) is { } timeout && timeout > TimeSpan.Zero)
        {
            context.DelayFor(timeout, OnTimeoutAsync);
        }
    }

    private async ValueTask OnReplyAsync(ActivityExecutionContext context)
    {
        var reply = context.GetWorkflowInput<WhatsAppInboundMessage>(ReplyInputKey);
        context.Set(ReplyText, reply?.Text);
        context.Set(Reply, context.WorkflowInput.GetValueOrDefault(ReplyInputKey)?.DeepClone());
        context.Set(RepliedAt, reply?.ReceivedAt);

        var expected = context.Get(ExpectedReplies) ?? [];
        if (expected.Count == 0)
        {
            await context.CompleteActivityWithOutcomesAsync(Replied).ConfigureAwait(false);
            return;
        }

        var match = expected.FirstOrDefault(e => Matches(e, reply?.Payload) || Matches(e, reply?.Text));
        context.JournalMessage = match is null ? "reply matched no expected reply" : null;
        await context.CompleteActivityWithOutcomesAsync(Replied, match ?? Other).ConfigureAwait(false);
    }

    private ValueTask OnTimeoutAsync(ActivityExecutionContext context) =>
        context.CompleteActivityWithOutcomesAsync(TimedOut);

    private static bool Matches(string expected, string? actual) =>
        actual is not null && string.Equals(expected.Trim(), actual.Trim(), StringComparison.OrdinalIgnoreCase);

    private List<string> LiteralExpectedReplies() =>
        ExpectedReplies.Expression is { Type: ExpressionTypes.Literal, Value: JsonArray array }
            ? array.Select(v => v?.ToString()).OfType<string>().Where(v => v.Length > 0).ToList()
            : [];
}

using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using JourneyPlugin.WhatsApp.Conversations;
using JourneyPlugin.WhatsApp.Diagnostics;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Expressions;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.WhatsApp.Activities;

/// <summary>
/// Sends a WhatsApp message through a connection: an approved template, or free-form text, media
/// or buttons. Checks the number, opt-out and the 24 hour window before any vendor call; outside the
/// window a free-form message is replaced by the fallback template, or the step fails.
/// </summary>
/// <remarks>
/// Idempotent: the message id is derived from the instance and the step, and the runtime's send
/// ledger never lets one id reach the vendor twice, so the step may run again after a crash.
/// </remarks>
[Activity("Journeys", "WhatsApp", "Send a WhatsApp message through Infobip: an approved template, or text, media or buttons inside the customer's 24 hour window.", DisplayName = "Send Infobip WhatsApp", Kind = ActivityKind.Task)]
[FlowNode(Sent, Failed)]
public sealed class SendInfobipWhatsApp : Activity, IIdempotentActivity
{
    /// <summary>The outcome when the vendor accepted the message.</summary>
    public const string Sent = "Sent";

    /// <summary>The outcome when it was not sent; <see cref="FailureReason"/> says why.</summary>
    public const string Failed = "Failed";

    /// <summary>The WhatsApp connection (API key, Base URL, sender).</summary>
    [Required]
    [Input(Description = "The WhatsApp connection to send through.", UIHint = UIHints.ConnectionPicker, Order = 1)]
    public Input<string> Connection { get; set; } = new(Expression.Literal(null));

    /// <summary>The recipient; the customer's <c>phone</c> attribute by default.</summary>
    [Input(Description = "The customer's number with country code.", DefaultSyntax = ExpressionTypes.Scriban, AutoEvaluate = false, Order = 2)]
    public Input<string> To { get; set; } = new(Expression.Scriban("{{ customer.phone }}"));

    /// <summary>Template, text, media or buttons.</summary>
    [Input(Description = "What to send.", UIHint = UIHints.Dropdown, Order = 3)]
    public Input<WhatsAppMessageKind> MessageKind { get; set; } = new(WhatsAppMessageKind.Template);

    /// <summary>The approved template to send.</summary>
    [Input(Description = "The approved template.", UIHint = UIHints.TemplatePicker, Category = "Template", Order = 4)]
    public Input<string?> TemplateName { get; set; } = new((string?)null);

    /// <summary>The template's language.</summary>
    [Input(Description = "The template's registered language, e.g. en or en_GB.", Category = "Template", Order = 5)]
    public Input<string> Language { get; set; } = new("en");

    /// <summary>The template's body placeholders in order, each a Scriban template.</summary>
    [Input(Description = "Values of {{1}}, {{2}}, … in order; each is a Scriban template.", UIHint = UIHints.MultiText, Category = "Template", AutoEvaluate = false, Order = 6)]
    public Input<List<string>> Placeholders { get; set; } = new([]);

    /// <summary>Values for the template's buttons that take one (URL suffix, copy code, quick-reply payload), in order; each a Scriban template.</summary>
    [Input(Description = "Values for the template's dynamic URL, copy-code and quick-reply buttons, in order; each is a Scriban template.", UIHint = UIHints.MultiText, Category = "Template", AutoEvaluate = false, Order = 7)]
    public Input<List<string>> ButtonParameters { get; set; } = new([]);

    /// <summary>The text (text messages) or the body (buttons); a Scriban template.</summary>
    [Input(Description = "The message text; a Scriban template.", UIHint = UIHints.ScribanEditor, DefaultSyntax = ExpressionTypes.Scriban, AutoEvaluate = false, Category = "Content", Order = 7)]
    public Input<string?> Text { get; set; } = new((string?)null);

    /// <summary>The media of a media message, or of the template's media header.</summary>
    [Input(Description = "The public URL of the image, document, video or audio.", DefaultSyntax = ExpressionTypes.Scriban, AutoEvaluate = false, Category = "Content", Order = 8)]
    public Input<string?> MediaUrl { get; set; } = new((string?)null);

    /// <summary>The caption of an image, document or video.</summary>
    [Input(Description = "The caption; a Scriban template.", DefaultSyntax = ExpressionTypes.Scriban, AutoEvaluate = false, Category = "Content", Order = 9)]
    public Input<string?> Caption { get; set; } = new((string?)null);

    /// <summary>The file name of a document.</summary>
    [Input(Description = "The file name shown for a document.", Category = "Content", AutoEvaluate = false, Order = 10)]
    public Input<string?> Filename { get; set; } = new((string?)null);

    /// <summary>Up to three reply buttons; each title is also the payload of the reply.</summary>
    [Input(Description = "One to three button titles (at most 20 characters each).", UIHint = UIHints.MultiText, Category = "Content", Order = 11)]
    public Input<List<string>> Buttons { get; set; } = new([]);

    /// <summary>The template sent instead of a free-form message when the 24 hour window is closed.</summary>
    [Input(Description = "Sent instead when the customer's 24 hour window is closed; without it the step fails.", UIHint = UIHints.TemplatePicker, Category = "Fallback", Order = 12)]
    public Input<string?> FallbackTemplateName { get; set; } = new((string?)null);

    /// <summary>The fallback template's language.</summary>
    [Input(Description = "The fallback template's language.", Category = "Fallback", Order = 13)]
    public Input<string> FallbackLanguage { get; set; } = new("en");

    /// <summary>The fallback template's placeholders, each a Scriban template.</summary>
    [Input(Description = "Values of the fallback template's placeholders; each is a Scriban template.", UIHint = UIHints.MultiText, Category = "Fallback", AutoEvaluate = false, Order = 14)]
    public Input<List<string>> FallbackPlaceholders { get; set; } = new([]);

    /// <summary>The message id (the idempotency key of the send).</summary>
    [Output(Description = "The message id; delivery reports carry it.")]
    public Output<string>? MessageId { get; set; }

    /// <summary>The vendor's status, or why the send failed.</summary>
    [Output(Description = "The vendor's status of the message.")]
    public Output<string>? Status { get; set; }

    /// <summary>Why the send failed; empty when sent.</summary>
    [Output(Description = "Why the message was not sent.")]
    public Output<string>? FailureReason { get; set; }

    /// <summary>The message id of a send: the same for a step re-executed after a crash, different for each pass through a loop.</summary>
    /// <remarks>
    /// A UUID laid out as version 7 (RFC 9562): the instance's start, to the millisecond, then bits of a
    /// hash of the instance and step ids. A campaign's sends are then in the order of their instances'
    /// enrolment, so each new ledger row goes next to the last one instead of anywhere in the ledger's
    /// index (a random id made every send write a page of its own; about a quarter of the writer's time).
    /// Instances created before <see cref="WorkflowState.IdVersion"/> was kept keep the plain hash.
    /// </remarks>
    public static string MessageIdFor(WorkflowState state, string activityInstanceId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(activityInstanceId);
        Span<byte> id = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{state.InstanceId}/{activityInstanceId}"), id);
        if (state.IdVersion == 0)
        {
            return new Guid(id[..16]).ToString();
        }

        var startedAt = Math.Max(0, state.CreatedAt.ToUnixTimeMilliseconds());
        for (var i = 5; i >= 0; i--, startedAt >>= 8)
        {
            id[i] = (byte)startedAt;
        }

        id[6] = (byte)(0x70 | (id[6] & 0x0F));
        id[8] = (byte)(0x80 | (id[8] & 0x3F));
        return new Guid(id[..16], bigEndian: true).ToString();
    }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = MessageIdFor(context.WorkflowExecutionContext.State, context.Id);
        context.Set(MessageId, messageId);

        var connection = context.Get(Connection);
        var gateway = context.GetRequiredService<IWhatsAppGateway>();
        var sender = string.IsNullOrWhiteSpace(connection) ? null : await gateway.GetSenderAsync(connection, context.CancellationToken).ConfigureAwait(false);
        if (sender is null)
        {
            await FailAsync(context, WhatsAppSendResult.Failed(messageId, WhatsAppFailureReason.UnknownConnection, $"there is no WhatsApp connection '{connection}'")).ConfigureAwait(false);
            return;
        }

        WhatsAppOutboundMessage message;
        try
        {
            var to = await context.EvaluateAsync(To).ConfigureAwait(false);
            if (!PhoneNumber.TryParse(to, out var number, out var reason))
            {
                await FailAsync(context, WhatsAppSendResult.Failed(messageId, WhatsAppFailureReason.InvalidNumber, $"the recipient {reason}")).ConfigureAwait(false);
                return;
            }

            var conversation = await context.GetRequiredService<IConversationStateReader>().GetAsync(sender, number.Digits, context.CancellationToken).ConfigureAwait(false);
            if (conversation.OptedOut)
            {
                await FailAsync(context, WhatsAppSendResult.Failed(messageId, WhatsAppFailureReason.OptedOut, "the customer opted out; nothing was sent")).ConfigureAwait(false);
                return;
            }

            var kind = context.Get(MessageKind);
            if (kind != WhatsAppMessageKind.Template && !conversation.IsWindowOpen(context.Clock.GetUtcNow()))
            {
                if (string.IsNullOrWhiteSpace(context.Get(FallbackTemplateName)))
                {
                    await FailAsync(context, WhatsAppSendResult.Failed(messageId, WhatsAppFailureReason.OutsideWindow,
                        "the customer has not written in the last 24 hours, so only a template may be sent; set a fallback template")).ConfigureAwait(false);
                    return;
                }

                message = new WhatsAppOutboundMessage
                {
                    Kind = WhatsAppMessageKind.Template,
                    To = number.Digits,
                    MessageId = messageId,
                    TemplateName = context.Get(FallbackTemplateName),
                    Language = context.Get(FallbackLanguage),
                    Placeholders = await RenderAllAsync(context, FallbackPlaceholders).ConfigureAwait(false),
                };
                context.JournalMessage = "outside the 24 hour window: sent the fallback template";
            }
            else
            {
                message = new WhatsAppOutboundMessage
                {
                    Kind = kind,
                    To = number.Digits,
                    MessageId = messageId,
                    TemplateName = context.Get(TemplateName),
                    Language = context.Get(Language),
                    Placeholders = kind == WhatsAppMessageKind.Template ? await RenderAllAsync(context, Placeholders).ConfigureAwait(false) : [],
                    ButtonParameters = kind == WhatsAppMessageKind.Template ? await RenderAllAsync(context, ButtonParameters).ConfigureAwait(false) : [],
                    Text = await context.EvaluateAsync(Text).ConfigureAwait(false),
                    MediaUrl = await context.EvaluateAsync(MediaUrl).ConfigureAwait(false),
                    Caption = await context.EvaluateAsync(Caption).ConfigureAwait(false),
                    Filename = await context.EvaluateAsync(Filename).ConfigureAwait(false),
                    Buttons = context.Get(Buttons) ?? [],
                };
            }
        }
        catch (TemplateRenderException e)
        {
            await FailAsync(context, WhatsAppSendResult.Failed(messageId, WhatsAppFailureReason.TemplateError, e.Message)).ConfigureAwait(false);
            return;
        }

        var state = context.WorkflowExecutionContext.State;
        message = message with { InstanceId = state.InstanceId, RunId = state.RunId, ActivityId = Id };
        await SendAsync(context, gateway, connection!, message).ConfigureAwait(false);
    }

    private async ValueTask SendAsync(ActivityExecutionContext context, IWhatsAppGateway gateway, string connection, WhatsAppOutboundMessage message)
    {
        var result = await gateway.SendAsync(connection, message, context.CancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case WhatsAppSendStatus.Sent:
                await SentAsync(context, result.VendorStatus ?? "SENT").ConfigureAwait(false);
                break;
            case WhatsAppSendStatus.Unknown:
                // The message may be on its way: never guess. Wait for evidence or the settlement policy,
                // keeping the message so that a resend is the same message.
                context.Properties["connection"] = connection;
                context.Properties["message"] = ValueConverter.ToJson(message);
                context.Set(Status, "UNKNOWN");
                context.JournalMessage = $"outcome unknown ({result.Detail}); waiting for settlement";
                context.CreateBookmark(new CreateBookmarkArgs
                {
                    Stimulus = new SendSettlementStimulus(message.MessageId),
                    BookmarkName = SendSettlementStimulus.Name,
                    IncludeActivityInstanceId = false,
                    Callback = OnSettledAsync,
                });
                break;
            default:
                await FailAsync(context, result).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask OnSettledAsync(ActivityExecutionContext context)
    {
        var settlement = context.GetWorkflowInput<SendSettlement>(SendSettlementStimulus.InputKey);
        var message = (WhatsAppOutboundMessage)ValueConverter.Convert(context.Properties["message"], typeof(WhatsAppOutboundMessage))!;
        switch (settlement)
        {
            case SendSettlement.Accepted:
                await SentAsync(context, "ACCEPTED").ConfigureAwait(false);
                break;
            case SendSettlement.Resend:
                await SendAsync(context, context.GetRequiredService<IWhatsAppGateway>(), context.Properties["connection"]!.GetValue<string>(), message).ConfigureAwait(false);
                break;
            default:
                await FailAsync(context, new WhatsAppSendResult
                {
                    Status = WhatsAppSendStatus.Failed,
                    MessageId = message.MessageId,
                    FailureReason = WhatsAppFailureReason.OutcomeUnknown,
                    Detail = "no evidence of delivery within the settlement window; given up by policy",
                }).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask SentAsync(ActivityExecutionContext context, string status)
    {
        context.Set(Status, status);
        context.Set(FailureReason, string.Empty);
        context.GetService<WhatsAppMetrics>()?.Sent();
        await context.CompleteActivityWithOutcomesAsync(Sent).ConfigureAwait(false);
    }

    private async ValueTask FailAsync(ActivityExecutionContext context, WhatsAppSendResult result)
    {
        context.Set(Status, result.VendorStatus ?? "NOT_SENT");
        context.Set(FailureReason, result.FailureReason.ToString());
        context.JournalMessage = $"{result.FailureReason}: {result.Detail}";
        context.GetService<WhatsAppMetrics>()?.Failed(result.FailureReason);
        await context.CompleteActivityWithOutcomesAsync(Failed).ConfigureAwait(false);
    }

    private static async ValueTask<IReadOnlyList<string>> RenderAllAsync(ActivityExecutionContext context, Input<List<string>> input)
    {
        var templates = await context.EvaluateAsync(input).ConfigureAwait(false) ?? [];
        var renderer = context.GetRequiredService<ITemplateRenderer>();
        var model = context.WorkflowExecutionContext.CreateExpressionModel();
        var values = new List<string>(templates.Count);
        foreach (var template in templates)
        {
            values.Add(await renderer.RenderAsync(template, TemplateSyntax.Scriban, model, context.CancellationToken).ConfigureAwait(false));
        }

        return values;
    }
}

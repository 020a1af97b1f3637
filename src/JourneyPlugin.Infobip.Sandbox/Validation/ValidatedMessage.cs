namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>A message that passed validation, not yet accepted.</summary>
internal sealed record ValidatedMessage(
    string From,
    string To,
    string? MessageId,
    string? CallbackData,
    string? NotifyUrl,
    SandboxMessageKind Kind,
    ContentSummary Content,
    string RequestJson);

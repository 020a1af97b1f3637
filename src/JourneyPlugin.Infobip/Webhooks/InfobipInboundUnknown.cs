namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>
/// A message of a type this library does not model, e.g. <c>REACTION</c>, <c>ORDER</c>,
/// <c>UNSUPPORTED</c> or a type Infobip adds later. Read it from <see cref="InfobipInboundContent.Raw"/>.
/// </summary>
/// <param name="Type">The type as received.</param>
public sealed record InfobipInboundUnknown(string Type) : InfobipInboundContent(Type);

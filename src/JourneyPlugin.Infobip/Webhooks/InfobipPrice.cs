namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>What Infobip charged for a message.</summary>
/// <param name="PricePerMessage">Price of one message, e.g. <c>0.21</c>.</param>
/// <param name="Currency">ISO 4217 currency code, e.g. <c>BRL</c>.</param>
public sealed record InfobipPrice(decimal PricePerMessage, string? Currency);

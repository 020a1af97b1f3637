namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>
/// Sends WhatsApp messages through a named connection, whatever its vendor. Infobip implements it;
/// the runtime wraps it with the send ledger for exactly-once sends.
/// </summary>
public interface IWhatsAppGateway
{
    /// <summary>The sender number of <paramref name="connectionName"/>, or null when there is no such connection.</summary>
    ValueTask<string?> GetSenderAsync(string connectionName, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="message"/>; never throws for a vendor or network failure.</summary>
    Task<WhatsAppSendResult> SendAsync(string connectionName, WhatsAppOutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>The connection's template catalogue, or null when it cannot be read now (validation then skips the check).</summary>
    Task<IReadOnlyList<WhatsAppTemplateInfo>?> GetTemplatesAsync(string connectionName, CancellationToken cancellationToken = default);
}

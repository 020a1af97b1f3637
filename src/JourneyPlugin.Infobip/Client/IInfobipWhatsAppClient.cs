using JourneyPlugin.Infobip.Messages;
using JourneyPlugin.Infobip.Templates;

namespace JourneyPlugin.Infobip.Client;

/// <summary>
/// Sends WhatsApp messages through one Infobip connection (API key, Base URL, sender) and reads its
/// template catalogue.
/// </summary>
/// <remarks>
/// Sends never throw for a vendor or network failure: they return an <see cref="InfobipSendResult"/>
/// whose <see cref="InfobipSendResult.Outcome"/> says whether the message was accepted, provably not
/// accepted, or whether that is unknown. A send is only retried automatically when Infobip provably
/// did not accept it. Cancelling a send through its token leaves its outcome unknown.
/// </remarks>
public interface IInfobipWhatsAppClient
{
    /// <summary>The sender number of the connection.</summary>
    string Sender { get; }

    /// <summary>Sends one message of any kind (templates go through the bulk endpoint).</summary>
    Task<InfobipSendResult> SendAsync(InfobipMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends template messages in one call to the bulk endpoint; one result per message, in order.</summary>
    Task<IReadOnlyList<InfobipSendResult>> SendTemplatesAsync(IReadOnlyList<InfobipTemplateMessage> messages, string? bulkId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the sender's templates with the placeholders each one needs.</summary>
    /// <exception cref="InfobipException">Infobip refused the call or could not be reached.</exception>
    Task<IReadOnlyList<InfobipTemplate>> GetTemplatesAsync(CancellationToken cancellationToken = default);
}

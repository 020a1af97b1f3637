using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Messages;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Connections;

/// <summary>
/// The Quick Test of the CDP's connection form: one text message through a connection, and the
/// vendor's answer as is with our reading of it. Used by the API and the command line.
/// </summary>
internal sealed partial class QuickTest(ConnectionCatalog catalog, IInfobipWhatsAppClientFactory clients, TimeProvider time, ILogger<QuickTest> logger)
{
    /// <summary>The longest text Infobip sends as one WhatsApp text message.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>
    /// Checks the test's input against <paramref name="connection"/>: the recipient is <paramref name="to"/>
    /// or the connection's quick-test number. Returns the problems by field, empty when it can run.
    /// </summary>
    public static Dictionary<string, string[]> Validate(Connection connection, string? to, string? text, out string recipient)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string reason) => errors[field] = [.. errors.GetValueOrDefault(field, []), reason];

        recipient = string.Empty;
        if (string.IsNullOrWhiteSpace(to) && connection.QuickTestRecipient is null)
        {
            Add("to", $"is required: connection '{connection.Name}' has no quick-test recipient number");
        }
        else
        {
            recipient = ConnectionValidator.Number(to ?? connection.QuickTestRecipient, "to", required: true, Add) ?? string.Empty;
        }

        if (text is not null && (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength))
        {
            Add("text", $"must be between 1 and {MaxTextLength} characters, or left out for the default test message");
        }

        return errors;
    }

    /// <summary>The connection named <paramref name="name"/>, or null.</summary>
    public Connection? Find(string name) => catalog.Find(name);

    /// <summary>Sends the test message (validate the input first with <see cref="Validate"/>).</summary>
    /// <exception cref="OptionsValidationException">The connection's settings are not usable (a configured one, say); each failure names the field.</exception>
    public async Task<QuickTestResult> RunAsync(Connection connection, string recipient, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var client = clients.CreateClient(connection.Infobip);
        var message = new InfobipTextMessage
        {
            To = recipient,
            MessageId = $"quick-test-{Guid.CreateVersion7(time.GetUtcNow()):N}",
            Text = text ?? $"JourneyPlugin quick test: connection '{connection.Name}' can send WhatsApp messages.",
        };
        var result = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var reading = QuickTestReading.Of(connection, result);
        Log.Tested(logger, connection.Name, PhoneNumber.Redact(recipient), result.Outcome, result.Error?.Kind.ToString() ?? result.Status?.Name ?? string.Empty);
        return new QuickTestResult(
            connection.Name,
            recipient,
            result.MessageId,
            result.Outcome,
            reading,
            result.Status,
            result.RawResponse ?? result.Error?.RawBody,
            result.HttpStatusCode ?? result.Error?.HttpStatusCode,
            result.Error);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Quick test of connection {Connection} to {Recipient}: {Outcome} {Detail}")]
        public static partial void Tested(ILogger logger, string connection, string recipient, InfobipSendOutcome outcome, string detail);
    }
}

namespace JourneyPlugin.Infobip.Sandbox;

/// <summary>
/// How a simulated customer answers a message they received, e.g. "reply YES two seconds after the
/// template <c>welcome_offer</c> to numbers ending in 1 to 5".
/// </summary>
/// <param name="ReplyText">What the customer writes (for a button reply, the button's text).</param>
public sealed record SandboxReplyRule(string ReplyText)
{
    /// <summary>The template the rule answers; null answers any message.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The last digits of the customers who answer; null means everyone.</summary>
    public IReadOnlyCollection<int>? LastDigits { get; init; }

    /// <summary>
    /// The payload of the quick-reply button the customer taps; the reply then arrives as a
    /// <c>BUTTON</c> message rather than <c>TEXT</c>.
    /// </summary>
    public string? ButtonPayload { get; init; }

    /// <summary>How long after the message was accepted the customer answers.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether the customer who received <paramref name="message"/> answers it by this rule.</summary>
    internal bool Matches(SandboxMessage message)
    {
        if (TemplateName is not null
            && (message.Kind != SandboxMessageKind.Template || !string.Equals(message.TemplateName, TemplateName, StringComparison.Ordinal)))
        {
            return false;
        }

        if (LastDigits is null)
        {
            return true;
        }

        var last = message.To.Length > 0 ? message.To[^1] : ' ';
        return char.IsAsciiDigit(last) && LastDigits.Contains(last - '0');
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ReplyText) || ReplyText.Length > 4096)
        {
            throw new ArgumentException("A reply rule needs a reply text of 1 to 4096 characters.", nameof(ReplyText));
        }

        if (LastDigits is not null && (LastDigits.Count == 0 || LastDigits.Any(d => d is < 0 or > 9)))
        {
            throw new ArgumentException("A reply rule's LastDigits must hold digits 0 to 9 (or be null for everyone).", nameof(LastDigits));
        }

        if (ButtonPayload is { Length: 0 or > 128 })
        {
            throw new ArgumentException("A reply rule's ButtonPayload must be 1 to 128 characters.", nameof(ButtonPayload));
        }

        if (Delay < TimeSpan.Zero)
        {
            throw new ArgumentException("A reply rule's Delay must not be negative.", nameof(Delay));
        }
    }
}

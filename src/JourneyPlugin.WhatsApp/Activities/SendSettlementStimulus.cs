namespace JourneyPlugin.WhatsApp.Activities;

/// <summary>
/// What a send with an unknown outcome waits for: the settlement of its message id, by evidence (a
/// delivery report) or by the configured policy once the settlement window has passed.
/// </summary>
/// <param name="MessageId">The message id of the send.</param>
public sealed record SendSettlementStimulus(string MessageId)
{
    /// <summary>The stimulus name of the settlement bookmark.</summary>
    public const string Name = "Journeys.SendSettlement";

    /// <summary>The resume input key that carries the decision (one of <see cref="SendSettlement"/>'s names).</summary>
    public const string InputKey = "Settlement";
}

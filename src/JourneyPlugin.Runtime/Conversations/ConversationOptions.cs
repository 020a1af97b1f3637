namespace JourneyPlugin.Runtime.Conversations;

/// <summary>How inbound messages are handled.</summary>
public sealed class ConversationOptions
{
    /// <summary>Messages that opt the customer out of all journeys (matched trimmed, ignoring case).</summary>
    public IList<string> StopKeywords { get; } = ["STOP", "UNSUBSCRIBE", "STOP ALL", "STOPP", "ARRET", "ARRÊT", "BAJA", "PARAR", "DỪNG", "HỦY"];

    /// <summary>Messages that opt the customer back in.</summary>
    public IList<string> StartKeywords { get; } = ["START", "UNSTOP", "SUBSCRIBE"];

    /// <summary>How long a reply that found no waiting journey is kept for a wait about to appear.</summary>
    public TimeSpan HoldRepliesFor { get; set; } = TimeSpan.FromMinutes(2);
}

namespace JourneyPlugin.Runtime.Grains;

/// <summary>How grain keys are made.</summary>
public static class GrainKeys
{
    /// <summary>The key of the conversation of <paramref name="customer"/> with <paramref name="sender"/>.</summary>
    public static string Conversation(string sender, string customer) => $"{sender}/{customer}";
}

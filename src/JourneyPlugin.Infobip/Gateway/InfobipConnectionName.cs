namespace JourneyPlugin.Infobip.Gateway;

/// <summary>A connection registered through configuration.</summary>
/// <param name="Name">The name journeys use.</param>
public sealed record InfobipConnectionName(string Name);

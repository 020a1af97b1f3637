namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>A shared location (<c>LOCATION</c>).</summary>
/// <param name="Type">The type as received, <c>LOCATION</c>.</param>
/// <param name="Latitude">Latitude in degrees.</param>
/// <param name="Longitude">Longitude in degrees.</param>
public sealed record InfobipInboundLocation(string Type, double Latitude, double Longitude) : InfobipInboundContent(Type)
{
    /// <summary>Name of the place, when the user shared a place.</summary>
    public string? Name { get; init; }

    /// <summary>Address of the place, when the user shared a place.</summary>
    public string? Address { get; init; }

    /// <summary>Web site of the place, when it has one.</summary>
    public string? Url { get; init; }
}

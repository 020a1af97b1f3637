using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Hosting;

namespace JourneyPlugin.Server.Configuration;

/// <summary>
/// The settings sections that tune the modules: the server binds each to its module's options, whose
/// validators know only property names, so a refusal names the section too.
/// </summary>
internal static class TuningSections
{
    public const string Infobip = $"{ServerOptions.SectionName}:Infobip";
    public const string Settlement = $"{ServerOptions.SectionName}:Settlement";
    public const string Runtime = $"{ServerOptions.SectionName}:Runtime";
    public const string Campaigns = $"{ServerOptions.SectionName}:Campaigns";

    private static readonly Dictionary<Type, string> s_byOptions = new()
    {
        [typeof(InfobipClientOptions)] = Infobip,
        [typeof(SettlementOptions)] = Settlement,
        [typeof(JourneyRuntimeOptions)] = Runtime,
        [typeof(CampaignOptions)] = Campaigns,
    };

    /// <summary>The section bound to <paramref name="optionsType"/>, if it is one of these.</summary>
    public static string? Of(Type? optionsType) => optionsType is not null && s_byOptions.TryGetValue(optionsType, out var section) ? section : null;
}

using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Runtime.Grains;

/// <summary>What a journey instance starts with. JSON travels as text so the grain contract stays plain.</summary>
[GenerateSerializer]
[Alias("JourneyPlugin.JourneyStartRequest")]
public sealed record JourneyStartRequest
{
    /// <summary>The journey.</summary>
    [Id(0)]
    public required string DefinitionId { get; init; }

    /// <summary>The campaign run, or null for an event-triggered start.</summary>
    [Id(1)]
    public string? RunId { get; init; }

    /// <summary>The customer's key within the run (id column or phone).</summary>
    [Id(2)]
    public required string CustomerKey { get; init; }

    /// <summary>The customer profile as a JSON object.</summary>
    [Id(3)]
    public string CustomerJson { get; init; } = "{}";

    /// <summary>The workflow input as a JSON object.</summary>
    [Id(4)]
    public string InputJson { get; init; } = "{}";

    /// <summary>The instance id for (run or trigger, customer): the grain key.</summary>
    public static string InstanceIdFor(string definitionId, string? runOrTrigger, string customerKey) =>
        $"{runOrTrigger ?? definitionId}/{customerKey}";

    /// <summary>An instance id fit for logs: its customer key (often a phone number) redacted.</summary>
    public static string Redact(string instanceId)
    {
        var slash = instanceId.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? PhoneNumber.Redact(instanceId) : string.Concat(instanceId.AsSpan(0, slash + 1), PhoneNumber.Redact(instanceId[(slash + 1)..]));
    }
}

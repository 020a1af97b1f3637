namespace JourneyPlugin.Server.Journeys;

/// <summary>The answer of <c>POST /api/journeys/{id}/trigger</c>.</summary>
/// <param name="InstanceId">The journey instance for this key and customer.</param>
/// <param name="Created">True when this request started it; false when an earlier request with the same key did.</param>
/// <param name="Status">Where the instance is now (Running, Suspended, Finished, Faulted).</param>
internal sealed record TriggerResult(string InstanceId, bool Created, string Status);

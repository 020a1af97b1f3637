namespace JourneyPlugin.Server.Connections;

/// <summary>Where a connection is defined; only <see cref="Api"/> connections can be changed through the API.</summary>
internal enum ConnectionOrigin
{
    /// <summary>The in-process sandbox's connection.</summary>
    Sandbox,

    /// <summary><c>JourneyPlugin:Connections:{name}</c>.</summary>
    Configuration,

    /// <summary>Created through <c>/api/connections</c> and kept in the connection store.</summary>
    Api,
}

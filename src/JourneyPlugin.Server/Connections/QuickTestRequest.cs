namespace JourneyPlugin.Server.Connections;

/// <summary>The body of <c>POST /api/connections/{name}/quick-test</c>; both fields may be left out.</summary>
/// <param name="To">The recipient, instead of the connection's quick-test number.</param>
/// <param name="Text">The message, instead of the default test text.</param>
internal sealed record QuickTestRequest(string? To, string? Text);

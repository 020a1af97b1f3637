using JourneyPlugin.Infobip.Sandbox.Http.Control;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>Everything <see cref="SandboxRoutes"/> maps.</summary>
internal sealed record SandboxEndpoints(
    SendMessageEndpoint SendMessage,
    SendTemplateEndpoint SendTemplate,
    TemplatesEndpoint Templates,
    MessagesEndpoint Messages,
    RepliesEndpoint Replies,
    FaultsEndpoint Faults,
    HealthEndpoint Health);

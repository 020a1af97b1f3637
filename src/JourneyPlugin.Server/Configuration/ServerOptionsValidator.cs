using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Configuration;

/// <summary>Validates <see cref="ServerOptions"/>; each failure names the setting by its configuration key.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    private const string Prefix = ServerOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{Prefix}{nameof(options.DataDirectory)}: must not be empty");
        }

        if (string.IsNullOrWhiteSpace(options.WorkflowsDirectory))
        {
            errors.Add($"{Prefix}{nameof(options.WorkflowsDirectory)}: must not be empty");
        }

        if (options.ApiToken is not null && options.ApiToken.Trim().Length < 16)
        {
            errors.Add($"{Prefix}{nameof(options.ApiToken)}: must be at least 16 characters");
        }

        if (options.MasterKey is not null && options.MasterKey.Trim().Length < Connections.Secrets.MasterKey.MinimumLength)
        {
            errors.Add($"{Prefix}{nameof(options.MasterKey)}: must be at least {Connections.Secrets.MasterKey.MinimumLength} characters");
        }

        if (options.SiloPort is < 1 or > 65535 || options.GatewayPort is < 1 or > 65535 || options.SiloPort == options.GatewayPort)
        {
            errors.Add($"{Prefix}{nameof(options.SiloPort)}/{nameof(options.GatewayPort)}: must be two different ports between 1 and 65535");
        }

        if (options.MaxWebhookBodyBytes is < 64 * 1024 or > 64 * 1024 * 1024)
        {
            errors.Add($"{Prefix}{nameof(options.MaxWebhookBodyBytes)}: must be between 64 KB and 64 MB");
        }

        if (options.Sandbox.Port is < 0 or > 65535)
        {
            errors.Add($"{Prefix}Sandbox:Port: must be between 0 and 65535");
        }

        if (options.Sandbox.Enabled && options.Connections.ContainsKey(SandboxOptions.ConnectionName))
        {
            errors.Add($"{Prefix}Connections:{SandboxOptions.ConnectionName}: the name is taken by the in-process sandbox (set {Prefix}Sandbox:Enabled=false to use it)");
        }

        if (!options.Sandbox.Enabled && options.Connections.Count == 0)
        {
            errors.Add($"{Prefix}Connections: configure at least one Infobip connection when the sandbox is disabled");
        }

        foreach (var (connection, auth) in options.Webhooks)
        {
            var key = $"{Prefix}Webhooks:{connection}";
            if (!IsConnection(options, connection))
            {
                errors.Add($"{key}: no connection of that name is configured");
            }

            var hasUser = !string.IsNullOrEmpty(auth.BasicUser);
            var hasPassword = !string.IsNullOrEmpty(auth.BasicPassword);
            if (hasUser != hasPassword)
            {
                errors.Add($"{key}:BasicUser/BasicPassword: set both or neither");
            }

            if (auth.BasicUser?.Contains(':', StringComparison.Ordinal) == true)
            {
                errors.Add($"{key}:BasicUser: must not contain ':'");
            }

            if (auth.HmacSecret is { } secret && secret.Length < 16)
            {
                errors.Add($"{key}:HmacSecret: must be at least 16 characters");
            }

            if (string.IsNullOrWhiteSpace(auth.SignatureHeader))
            {
                errors.Add($"{key}:SignatureHeader: must name a header");
            }

            var isSandbox = options.Sandbox.Enabled && connection == SandboxOptions.ConnectionName;
            if (!hasUser && auth.HmacSecret is null && !isSandbox)
            {
                errors.Add($"{key}: configure BasicUser/BasicPassword or HmacSecret; webhooks are never accepted unauthenticated");
            }
        }

        foreach (var connection in options.Connections.Keys.Where(c => !options.Webhooks.ContainsKey(c)))
        {
            errors.Add($"{Prefix}Webhooks:{connection}: configure BasicUser/BasicPassword or HmacSecret for the connection's webhooks");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsConnection(ServerOptions options, string name) =>
        options.Connections.ContainsKey(name) || (options.Sandbox.Enabled && name == SandboxOptions.ConnectionName);
}

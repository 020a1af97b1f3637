namespace JourneyPlugin.Server.Configuration;

/// <summary>Settings of the server, bound from the <c>JourneyPlugin</c> configuration section.</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string SectionName = "JourneyPlugin";

    /// <summary>Where the SQLite file and other durable state live, relative to the current directory unless rooted.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The journey files loaded at start-up.</summary>
    public string WorkflowsDirectory { get; set; } = "workflows";

    /// <summary>
    /// The token the HTTP API requires as <c>Authorization: Bearer &lt;token&gt;</c>; none when null.
    /// Required when the server listens on anything but loopback. Never logged.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>
    /// The key that encrypts the Data Protection key ring, which encrypts the secrets of connections (at
    /// least 32 characters; keep it outside the data directory). Required when the server listens on
    /// anything but loopback; on loopback, a key is generated into <c>data/master.key</c> when unset. Never logged.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>The Orleans silo port (loopback).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The Orleans gateway port (loopback).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The largest webhook body accepted, in bytes; Infobip's 2,000 results per POST must fit.</summary>
    public long MaxWebhookBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The Infobip sandbox started in-process with a connection named <see cref="SandboxOptions.ConnectionName"/>.</summary>
    public SandboxOptions Sandbox { get; set; } = new();

    /// <summary>Real Infobip connections by name (<c>JourneyPlugin:Connections:{name}:ApiKey/BaseUrl/Sender</c>).</summary>
    public Dictionary<string, ConnectionOptions> Connections { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How each connection's webhooks authenticate (<c>JourneyPlugin:Webhooks:{name}:…</c>).</summary>
    public Dictionary<string, WebhookAuthOptions> Webhooks { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The in-process Infobip sandbox.</summary>
public sealed class SandboxOptions
{
    /// <summary>The name of the connection that talks to the sandbox.</summary>
    public const string ConnectionName = "sandbox";

    /// <summary>Whether the sandbox runs with the server (the embedded default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The sandbox's port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }
}

/// <summary>A WhatsApp connection at Infobip, as the CDP's connection form has it.</summary>
public sealed class ConnectionOptions
{
    /// <summary>The Infobip API key. Never logged.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The account's Base URL, <c>xxxxx.api.infobip.com</c>.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The registered WhatsApp sender number, country code and no plus.</summary>
    public string Sender { get; set; } = string.Empty;

    /// <summary>The number the Quick Test writes to when none is given, country code and no plus.</summary>
    public string? QuickTestRecipient { get; set; }

    /// <summary>The sender's throughput in messages per second; 0 turns the limiter off. Meta's default (80) when not set.</summary>
    public int? MessagesPerSecond { get; set; }
}

/// <summary>How Infobip authenticates when it posts a connection's webhooks; every mechanism set is required.</summary>
public sealed class WebhookAuthOptions
{
    /// <summary>The header carrying <c>sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the body.</summary>
    public const string DefaultSignatureHeader = "X-Infobip-Signature";

    /// <summary>The HTTP Basic user name; Basic authentication is off when null.</summary>
    public string? BasicUser { get; set; }

    /// <summary>The HTTP Basic password. Never logged.</summary>
    public string? BasicPassword { get; set; }

    /// <summary>The shared secret of the body's HMAC-SHA256; signatures are not checked when null. Never logged.</summary>
    public string? HmacSecret { get; set; }

    /// <summary>The header that carries the signature.</summary>
    public string SignatureHeader { get; set; } = DefaultSignatureHeader;
}

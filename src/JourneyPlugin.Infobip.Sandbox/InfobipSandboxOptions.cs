using JourneyPlugin.Infobip.Sandbox.Templates;

namespace JourneyPlugin.Infobip.Sandbox;

/// <summary>Configures an <see cref="InfobipSandbox"/>.</summary>
public sealed class InfobipSandboxOptions
{
    /// <summary>The sender number used when none is configured (the number Infobip's own documentation uses).</summary>
    public const string DefaultSender = "441134960000";

    /// <summary>The header that carries the HMAC signature of a webhook body unless configured otherwise.</summary>
    public const string DefaultSignatureHeader = "X-Infobip-Signature";

    /// <summary>The TCP port on 127.0.0.1 to listen on; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The API key callers must present as <c>Authorization: App &lt;key&gt;</c>. Required.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The registered WhatsApp sender numbers; a send <c>from</c> any other number is refused with 403.</summary>
    public IReadOnlyList<string> Senders { get; set; } = [DefaultSender];

    /// <summary>Where delivery and seen reports go when a message carries no <c>notifyUrl</c>; none if null.</summary>
    public Uri? DeliveryReportUrl { get; set; }

    /// <summary>Where customers' messages (simulated or posted by hand) go; none if null.</summary>
    public Uri? InboundMessageUrl { get; set; }

    /// <summary>How long after acceptance the delivery report is sent.</summary>
    public TimeSpan DeliveredAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after the delivery report the seen report is sent.</summary>
    public TimeSpan SeenAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Whether free-form messages to a customer who has not written in the last 24 hours fail with
    /// error 7010 (EC_NO_SESSION), as they do at Infobip.
    /// </summary>
    public bool EnforceCustomerServiceWindow { get; set; } = true;

    /// <summary>The template catalogue the sender's account holds; <see cref="SandboxTemplateCatalog.Default"/> unless set.</summary>
    public IReadOnlyList<SandboxTemplate> Templates { get; set; } = SandboxTemplateCatalog.Default;

    /// <summary>Rules by which simulated customers reply to the messages they receive; the first match wins.</summary>
    public IReadOnlyList<SandboxReplyRule> ReplyRules { get; set; } = [];

    /// <summary>The user name presented with HTTP Basic authentication on webhooks; none if null.</summary>
    public string? WebhookUserName { get; set; }

    /// <summary>The password presented with HTTP Basic authentication on webhooks.</summary>
    public string? WebhookPassword { get; set; }

    /// <summary>
    /// The shared secret with which webhook bodies are signed (HMAC-SHA256, sent as
    /// <c>sha256=&lt;lowercase hex&gt;</c> in <see cref="WebhookSignatureHeader"/>); unsigned if null.
    /// </summary>
    public string? WebhookHmacSecret { get; set; }

    /// <summary>The header that carries the webhook signature.</summary>
    public string WebhookSignatureHeader { get; set; } = DefaultSignatureHeader;

    /// <summary>The most results one webhook POST carries.</summary>
    public int WebhookBatchSize { get; set; } = 100;

    /// <summary>How long results for the same URL are collected before they are posted together.</summary>
    public TimeSpan WebhookBatchWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many times a failed webhook POST is retried.</summary>
    public int WebhookMaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry of a failed webhook POST; it doubles with every retry.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two retries of a webhook POST, however many failed before.</summary>
    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a webhook POST may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the response to a request hit by a "lost response" fault is held back; long enough
    /// for a client to give up on it.
    /// </summary>
    public TimeSpan LostResponseHold { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("ApiKey is required: callers authenticate with 'Authorization: App <key>'.", nameof(ApiKey));
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port must be between 0 and 65535, not {Port}.", nameof(Port));
        }

        if (Senders is null || Senders.Count == 0 || Senders.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Senders must list at least one sender number and no blank ones.", nameof(Senders));
        }

        RequireHttpUrl(DeliveryReportUrl, nameof(DeliveryReportUrl));
        RequireHttpUrl(InboundMessageUrl, nameof(InboundMessageUrl));
        RequireNotNegative(DeliveredAfter, nameof(DeliveredAfter));
        RequireNotNegative(SeenAfter, nameof(SeenAfter));
        RequireNotNegative(WebhookBatchWindow, nameof(WebhookBatchWindow));
        RequireNotNegative(WebhookRetryDelay, nameof(WebhookRetryDelay));
        RequireNotNegative(WebhookMaxRetryDelay, nameof(WebhookMaxRetryDelay));
        RequireNotNegative(LostResponseHold, nameof(LostResponseHold));

        if (WebhookTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("WebhookTimeout must be positive.", nameof(WebhookTimeout));
        }

        if (WebhookBatchSize < 1)
        {
            throw new ArgumentException("WebhookBatchSize must be at least 1.", nameof(WebhookBatchSize));
        }

        if (WebhookMaxRetries < 0)
        {
            throw new ArgumentException("WebhookMaxRetries must not be negative.", nameof(WebhookMaxRetries));
        }

        if ((WebhookUserName is null) != (WebhookPassword is null))
        {
            throw new ArgumentException("WebhookUserName and WebhookPassword go together: set both or neither.", nameof(WebhookUserName));
        }

        if (WebhookHmacSecret is not null && string.IsNullOrWhiteSpace(WebhookSignatureHeader))
        {
            throw new ArgumentException("WebhookSignatureHeader must name a header when WebhookHmacSecret is set.", nameof(WebhookSignatureHeader));
        }

        ArgumentNullException.ThrowIfNull(Templates);
        var duplicate = Templates.GroupBy(t => (t.Name, t.Language)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Templates holds '{duplicate.Key.Name}' ({duplicate.Key.Language}) more than once.", nameof(Templates));
        }

        ArgumentNullException.ThrowIfNull(ReplyRules);
        foreach (var rule in ReplyRules)
        {
            rule.Validate();
        }
    }

    /// <summary>Copies the settings so that later changes by the caller do not reach a running sandbox.</summary>
    internal InfobipSandboxOptions Snapshot() => new()
    {
        Port = Port,
        ApiKey = ApiKey,
        Senders = [.. Senders],
        DeliveryReportUrl = DeliveryReportUrl,
        InboundMessageUrl = InboundMessageUrl,
        DeliveredAfter = DeliveredAfter,
        SeenAfter = SeenAfter,
        EnforceCustomerServiceWindow = EnforceCustomerServiceWindow,
        Templates = [.. Templates],
        ReplyRules = [.. ReplyRules],
        WebhookUserName = WebhookUserName,
        WebhookPassword = WebhookPassword,
        WebhookHmacSecret = WebhookHmacSecret,
        WebhookSignatureHeader = WebhookSignatureHeader,
        WebhookBatchSize = WebhookBatchSize,
        WebhookBatchWindow = WebhookBatchWindow,
        WebhookMaxRetries = WebhookMaxRetries,
        WebhookRetryDelay = WebhookRetryDelay,
        WebhookMaxRetryDelay = WebhookMaxRetryDelay,
        WebhookTimeout = WebhookTimeout,
        LostResponseHold = LostResponseHold,
    };

    private static void RequireHttpUrl(Uri? url, string name)
    {
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"{name} must be an absolute http(s) URL, not '{url}'.", name);
        }
    }

    private static void RequireNotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must not be negative.", name);
        }
    }
}

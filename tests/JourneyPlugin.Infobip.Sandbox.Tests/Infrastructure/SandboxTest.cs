namespace JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

/// <summary>A fresh sandbox per test, posting its webhooks to a fresh receiver (<c>/dlr</c>, <c>/inbound</c>).</summary>
public abstract class SandboxTest : IAsyncLifetime
{
    internal WebhookReceiver Receiver { get; } = new();

    internal InfobipSandbox Sandbox { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        var options = TestSandbox.Options(Receiver);
        Configure(options);
        Sandbox = InfobipSandbox.Start(options, timeProvider: Time);
        Client = TestSandbox.Client(Sandbox);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
        Receiver.Dispose();
    }

    /// <summary>The sandbox's clock; the system clock unless a test class says otherwise.</summary>
    internal virtual TimeProvider? Time => null;

    internal virtual void Configure(InfobipSandboxOptions options)
    {
    }

    internal Task WaitForWebhooksAsync() => Sandbox.WaitForWebhooksAsync(TestSandbox.Soon());
}

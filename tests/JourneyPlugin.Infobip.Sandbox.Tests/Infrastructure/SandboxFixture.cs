namespace JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

/// <summary>One sandbox for a whole test class whose tests do not disturb each other (no webhooks are posted).</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public InfobipSandbox Sandbox { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Sandbox = InfobipSandbox.Start(TestSandbox.Options());
        Client = TestSandbox.Client(Sandbox);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}

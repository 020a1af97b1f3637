namespace JourneyPlugin.Infobip.Sandbox.Recording;

/// <summary>Every message the sandbox accepted, in order; duplicates included, as a customer's phone shows them.</summary>
internal sealed class MessageLog
{
    private readonly Lock _sync = new();
    private readonly List<SandboxMessage> _messages = [];

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _messages.Count;
            }
        }
    }

    public void Add(SandboxMessage message)
    {
        lock (_sync)
        {
            _messages.Add(message);
        }
    }

    public IReadOnlyList<SandboxMessage> Snapshot()
    {
        lock (_sync)
        {
            return [.. _messages];
        }
    }
}

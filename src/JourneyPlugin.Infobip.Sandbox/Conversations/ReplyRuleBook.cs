namespace JourneyPlugin.Infobip.Sandbox.Conversations;

/// <summary>The reply rules in the order they were given; the first that matches a message answers it.</summary>
internal sealed class ReplyRuleBook(IEnumerable<SandboxReplyRule> rules)
{
    private readonly Lock _sync = new();
    private readonly List<SandboxReplyRule> _rules = [.. rules];

    public void Add(SandboxReplyRule rule)
    {
        lock (_sync)
        {
            _rules.Add(rule);
        }
    }

    public SandboxReplyRule? Match(SandboxMessage message)
    {
        lock (_sync)
        {
            return _rules.FirstOrDefault(r => r.Matches(message));
        }
    }
}

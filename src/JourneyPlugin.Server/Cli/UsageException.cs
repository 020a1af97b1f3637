namespace JourneyPlugin.Server.Cli;

/// <summary>An argument is wrong in a way the parser cannot see (e.g. a field of a script file); exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

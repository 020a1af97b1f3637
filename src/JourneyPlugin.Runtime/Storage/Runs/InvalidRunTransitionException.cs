namespace JourneyPlugin.Runtime.Storage;

/// <summary>A run was asked to make a status change that is not allowed, e.g. Completed → Running.</summary>
public sealed class InvalidRunTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InvalidRunTransitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidRunTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidRunTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the transition of <paramref name="runId"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public InvalidRunTransitionException(string runId, RunStatus from, RunStatus to)
        : base($"Run '{runId}' cannot go from {from} to {to}.")
    {
        RunId = runId;
        From = from;
        To = to;
    }

    /// <summary>The run.</summary>
    public string? RunId { get; }

    /// <summary>The status it has.</summary>
    public RunStatus From { get; }

    /// <summary>The status it was asked to take.</summary>
    public RunStatus To { get; }
}

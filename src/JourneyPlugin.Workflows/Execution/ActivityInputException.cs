namespace JourneyPlugin.Workflows.Execution;

/// <summary>An input of a step could not be evaluated or converted; the message names the input.</summary>
public sealed class ActivityInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActivityInputException(string inputName, string reason, Exception? innerException = null)
        : base($"input '{inputName}': {reason}", innerException)
    {
        InputName = inputName;
    }

    /// <summary>The input's JSON name.</summary>
    public string InputName { get; }
}

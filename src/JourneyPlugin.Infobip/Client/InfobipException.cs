namespace JourneyPlugin.Infobip.Client;

/// <summary>Thrown by Infobip queries (the template catalogue) when the call fails; sends return results instead.</summary>
public sealed class InfobipException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public InfobipException(InfobipError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates the exception for <paramref name="error"/> caused by <paramref name="innerException"/>.</summary>
    public InfobipException(InfobipError error, Exception? innerException)
        : base(error?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>What went wrong.</summary>
    public InfobipError Error { get; }
}

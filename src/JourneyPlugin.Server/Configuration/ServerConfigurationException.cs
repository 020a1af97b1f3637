namespace JourneyPlugin.Server.Configuration;

/// <summary>The server cannot start with the configuration it was given; the message says what to change.</summary>
public sealed class ServerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServerConfigurationException()
    {
    }

    /// <summary>Creates the exception with the message shown to the user.</summary>
    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the user and its cause.</summary>
    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

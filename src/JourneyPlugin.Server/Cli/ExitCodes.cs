namespace JourneyPlugin.Server.Cli;

/// <summary>The command line's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Everything went as asked: the journeys are valid, the run or dry run completed.</summary>
    public const int Success = 0;

    /// <summary>The command ran but the answer is no: a journey has errors, an instance faulted, a run did not complete.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: an unknown option, a missing file, a bad duration or script.</summary>
    public const int UsageError = 2;
}

using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Validates <see cref="SqliteStorageOptions"/>; each problem names its field.</summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{nameof(options.DataDirectory)}: must not be empty");
        }
        else if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"{nameof(options.DataDirectory)}: contains characters not allowed in a path");
        }

        if (string.IsNullOrWhiteSpace(options.FileName))
        {
            errors.Add($"{nameof(options.FileName)}: must not be empty");
        }
        else if (options.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || options.FileName is "." or "..")
        {
            errors.Add($"{nameof(options.FileName)}: must be a file name, without folders");
        }
        else if (options.FileName.StartsWith(':'))
        {
            // ":memory:" and friends would give each connection its own database.
            errors.Add($"{nameof(options.FileName)}: must name a file on disk");
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{nameof(options.BusyTimeout)}: must be positive and at most 10 minutes");
        }

        if (options.MaxIdleConnections is < 1 or > 256)
        {
            errors.Add($"{nameof(options.MaxIdleConnections)}: must be between 1 and 256");
        }

        if (options.InboundDeduplicationRetention < TimeSpan.FromHours(1))
        {
            errors.Add($"{nameof(options.InboundDeduplicationRetention)}: must be at least 1 hour (vendors retry webhooks for hours)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

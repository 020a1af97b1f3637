using System.Text.RegularExpressions;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Workflows.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Journeys;

/// <summary>
/// The journey files of the workflows directory, written by the API: one file per journey (its existing file, else
/// <c>&lt;id&gt;.json</c>), written whole through a temporary file so a reader never sees half a journey, then made the
/// catalogue's latest version. One save or delete at a time.
/// </summary>
internal sealed partial class JourneyFiles(JourneyDefinitionCatalog catalog, IOptions<JourneyRuntimeOptions> options, ILogger<JourneyFiles> logger) : IDisposable
{
    private const int MaxIdLength = 128;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Writes <paramref name="definition"/> in the project's layout (two-space indentation, the keys, values and
    /// positions as sent) and makes it the latest version of its journey.
    /// </summary>
    public async Task<(JourneyDefinitionEntry? Entry, ProblemHttpResult? Problem)> SaveAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (options.Value.WorkflowsDirectory is not { } configured)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Journeys cannot be saved", detail: "the server has no workflows directory"));
        }

        var id = definition.DefinitionId;
        var directory = Path.GetFullPath(configured);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var path = catalog.Find(id)?.File is { } existing && IsIn(directory, existing) ? existing : null;
            if (path is null)
            {
                if (!SafeId().IsMatch(id))
                {
                    return (null, JsonRequestBody.BadRequest(
                        "The journey id cannot be a file name",
                        $"'{id}' is not a journey id the server can name a file after: use at most {MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit",
                        "$.definitionId"));
                }

                path = Path.Combine(directory, id + ".json");
                if (File.Exists(path))
                {
                    var holder = catalog.Entries.FirstOrDefault(e => e.File == path)?.DefinitionId;
                    return (null, TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        title: "The file belongs to another journey",
                        detail: holder is null
                            ? $"'{Path.GetFileName(path)}' already exists and is not journey '{id}'; rename or remove it first"
                            : $"'{Path.GetFileName(path)}' holds journey '{holder}'; give this journey another id"));
                }
            }

            Directory.CreateDirectory(directory);
            await definition.SaveAsync(path, cancellationToken).ConfigureAwait(false);

            // The file is in place: finish making it the catalogue's version even if the caller goes away now.
            var json = await File.ReadAllTextAsync(path, CancellationToken.None).ConfigureAwait(false);
            var entry = catalog.Store(WorkflowDefinition.Parse(json, path), json);
            Log.Saved(logger, id, Path.GetFileName(path));
            return (entry, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes journey <paramref name="definitionId"/> from the catalogue and its file from the workflows directory; false when there is none.</summary>
    public async Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (catalog.Find(definitionId) is not { } entry)
            {
                return false;
            }

            // Only files of the workflows directory are the API's to delete; a journey registered from elsewhere is only unloaded.
            if (entry.File is { } file && options.Value.WorkflowsDirectory is { } directory && IsIn(Path.GetFullPath(directory), file))
            {
                File.Delete(file);
            }

            catalog.Remove(definitionId);
            Log.Deleted(logger, definitionId);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static bool IsIn(string directory, string file) =>
        string.Equals(Path.GetDirectoryName(Path.GetFullPath(file)), directory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    // No separators, no leading dot (hidden files, "..") and nothing a shell or another OS would read differently.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Journey {DefinitionId} saved to {File}")]
        public static partial void Saved(ILogger logger, string definitionId, string file);

        [LoggerMessage(2, LogLevel.Information, "Journey {DefinitionId} deleted")]
        public static partial void Deleted(ILogger logger, string definitionId);
    }
}

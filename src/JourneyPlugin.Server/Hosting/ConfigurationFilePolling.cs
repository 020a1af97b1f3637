using Microsoft.Extensions.FileProviders;

namespace JourneyPlugin.Server.Hosting;

/// <summary>Watches the configuration files (appsettings*.json) by polling them rather than with an inotify watcher.</summary>
/// <remarks>
/// The host watches its JSON files for reload with a <see cref="PhysicalFileProvider"/> over the content
/// root, whose <see cref="FileSystemWatcher"/> covers every subdirectory. The data directory (SQLite
/// and its WAL) sits under the content root by default, so every page SQLite writes became an event
/// the watcher thread read, stat-ed and dropped: about a tenth of the CPU of the send path. Polling
/// checks only the few watched files, every four seconds, and reloads them as before.
/// </remarks>
internal static class ConfigurationFilePolling
{
    /// <summary>Gives every reloading file source a polling provider over the same root, and the builder too for sources added later.</summary>
    public static void PollConfigurationFiles(this ConfigurationManager configuration)
    {
        var watched = new Dictionary<string, PhysicalFileProvider>(StringComparer.Ordinal);
        var replaced = new HashSet<PhysicalFileProvider>();
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is FileConfigurationSource { ReloadOnChange: true, FileProvider: PhysicalFileProvider physical } file && !physical.UsePollingFileWatcher)
            {
                if (!watched.TryGetValue(physical.Root, out var polling))
                {
                    watched[physical.Root] = polling = Polling(physical.Root);
                }

                replaced.Add(physical);
                file.FileProvider = polling;

                // Setting the item rebuilds the providers, so the new one registers its change token on the polling provider.
                sources[i] = file;
            }
        }

        if (configuration.GetFileProvider() is PhysicalFileProvider { UsePollingFileWatcher: false } shared)
        {
            configuration.SetFileProvider(watched.TryGetValue(shared.Root, out var polling) ? polling : Polling(shared.Root));
            replaced.Add(shared);
        }

        // The watchers they started for the files above stop with them; the configuration was their only user.
        foreach (var provider in replaced)
        {
            provider.Dispose();
        }
    }

    private static PhysicalFileProvider Polling(string root) => new(root) { UsePollingFileWatcher = true, UseActivePolling = true };
}

using JourneyPlugin.Runtime.Definitions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Hosting;

/// <summary>Loads the journeys of the workflows directory when the host starts.</summary>
internal sealed class WorkflowsDirectoryLoader(JourneyDefinitionCatalog catalog, IOptions<JourneyRuntimeOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WorkflowsDirectory is { } directory)
        {
            await catalog.LoadDirectoryAsync(directory, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

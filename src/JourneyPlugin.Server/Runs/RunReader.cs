using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Server.Runs;

/// <summary>Reads runs from the store with their funnels, and names the steps after the journey's activities.</summary>
internal sealed class RunReader(IRunStore runs, IJourneyInstanceStore instances, IJourneyDefinitionProvider definitions)
{
    /// <summary>The run, or null when there is none.</summary>
    public async Task<RunResponse?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        return run is null ? null : await DescribeAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of runs, newest first.</summary>
    public async Task<IReadOnlyList<RunResponse>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var page = await runs.ListAsync(skip, take, cancellationToken).ConfigureAwait(false);
        var described = new List<RunResponse>(page.Count);
        foreach (var run in page)
        {
            described.Add(await DescribeAsync(run, cancellationToken).ConfigureAwait(false));
        }

        return described;
    }

    private async Task<RunResponse> DescribeAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var funnel = await runs.GetFunnelAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var statuses = await instances.CountStatusesAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var workflow = await definitions.FindAsync(run.DefinitionId, cancellationToken).ConfigureAwait(false);

        // The journey's order for its steps; steps it no longer has go last, by id.
        var order = workflow?.Activities.Keys.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal)
            ?? new Dictionary<string, int>(StringComparer.Ordinal);
        var steps = funnel.Steps
            .OrderBy(s => order.GetValueOrDefault(s.Key, int.MaxValue))
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s =>
            {
                var activity = workflow?.Activities.GetValueOrDefault(s.Key);
                return new StepFunnelResponse(s.Key, activity?.Node.Name, activity?.Node.Type, FunnelResponse.From(s.Value));
            })
            .ToList();
        return new RunResponse(
            run.RunId,
            run.DefinitionId,
            run.Name,
            run.Status.ToString(),
            run.CreatedAt,
            run.UpdatedAt,
            run.RowsRead,
            funnel.Total.Enrolled,
            run.RowsRejected,
            statuses,
            FunnelResponse.From(funnel.Total),
            steps);
    }
}

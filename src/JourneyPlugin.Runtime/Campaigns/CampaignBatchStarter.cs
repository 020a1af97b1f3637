using JourneyPlugin.Runtime.Campaigns.Audience;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// Enrols a batch of a run's customers and runs each new instance's first burst (what it does before
/// it first waits or ends: usually render and send) in this process, without a grain per customer:
/// activating, reading and deactivating a grain cost about a quarter of a campaign message's CPU. The
/// batch owns its instances until their first burst is saved. Nothing else runs one meanwhile: it
/// waits on no bookmark yet (a reply or a settlement that comes first is held for the wait), and the
/// timeout scanner skips <see cref="InstancesInBatch"/>. If the process dies, the scanner resumes each
/// from its last saved step like any interrupted instance; a Send step run again finds its ledger row
/// and does not send twice.
/// </summary>
internal sealed partial class CampaignBatchStarter(
    IJourneyInstanceStore store,
    IConversationStore conversations,
    WorkflowRunner runner,
    InstancesInBatch inBatch,
    TimeProvider clock,
    IOptions<CampaignOptions> options,
    ILogger<CampaignBatchStarter> logger)
{
    /// <summary>Starts an instance of <paramref name="workflow"/> for each row; returns how many were new.</summary>
    /// <remarks>A customer enrolled before (the batch of a run resumed after a restart) is left to the grain and the timeout scanner.</remarks>
    public async Task<int> StartAsync(Workflow workflow, string runId, IReadOnlyList<AudienceRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(rows);
        var started = 0;
        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Value.Parallelism,
                CancellationToken = cancellationToken,
                // Off the calling grain's single-threaded scheduler, which would otherwise run each body until its first await.
                TaskScheduler = TaskScheduler.Default,
            },
            async (row, _) =>
            {
                if (await StartAsync(workflow, runId, row))
                {
                    Interlocked.Increment(ref started);
                }
            }).ConfigureAwait(false);
        return started;
    }

    private async Task<bool> StartAsync(Workflow workflow, string runId, AudienceRow row)
    {
        row.Attributes["phone"] = row.Phone;
        var state = runner.CreateInstance(workflow, new WorkflowStartRequest
        {
            InstanceId = JourneyStartRequest.InstanceIdFor(workflow.DefinitionId, runId, row.CustomerKey!),
            RunId = runId,
            CorrelationId = row.CustomerKey,
            Customer = row.Attributes,
        });
        if (!inBatch.TryAdd(state.InstanceId))
        {
            // The same customer twice in one batch.
            return false;
        }

        var session = new JourneyInstanceSession(store, conversations, runner, clock, logger, workflow, state, stored: null);
        try
        {
            // The enrolment is durable, and counted with it, before the first step runs.
            await session.EnrolAsync().ConfigureAwait(false);
            await runner.RunAsync(workflow, state, session).ConfigureAwait(false);
            await session.EndBurstAsync(wasDone: false).ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyConflictException) when (session.IsNew)
        {
            // Enrolled before: a batch done again after a restart. The scanner resumes it if it was cut short.
            return false;
        }
#pragma warning disable CA1031 // One customer's failure must not stop the batch: the scanner resumes the instance from its last save.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.FirstBurstFailed(logger, JourneyStartRequest.Redact(state.InstanceId), e);
            return true;
        }
        finally
        {
            inBatch.Remove(state.InstanceId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The first steps of journey instance {InstanceId} failed; the timeout scanner resumes it from its last save")]
        public static partial void FirstBurstFailed(ILogger logger, string instanceId, Exception exception);
    }
}

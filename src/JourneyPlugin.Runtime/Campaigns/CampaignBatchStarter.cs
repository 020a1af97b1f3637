using JourneyPlugin.Runtime.Campaigns.Audience;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// Enrols a batch of a run's customers in one write and runs each new instance's first burst (what it does before
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
        var sessions = new List<JourneyInstanceSession>(rows.Count);
        foreach (var row in rows)
        {
            row.Attributes["phone"] = row.Phone;
            var state = runner.CreateInstance(workflow, new WorkflowStartRequest
            {
                InstanceId = JourneyStartRequest.InstanceIdFor(workflow.DefinitionId, runId, row.CustomerKey!),
                RunId = runId,
                CorrelationId = row.CustomerKey,
                Customer = row.Attributes,
            });

            // A customer twice in one batch is started once.
            if (inBatch.TryAdd(state.InstanceId))
            {
                sessions.Add(new JourneyInstanceSession(store, conversations, runner, clock, logger, workflow, state, stored: null));
            }
        }

        try
        {
            // Every enrolment is durable, and counted with it, before any first step runs: one write for the batch.
            var stored = sessions.ConvertAll(s => s.ToStored());
            var inserted = await store.InsertNewAsync(stored, i => JourneyInstanceSession.EnrolmentFunnel(i.RunId), cancellationToken).ConfigureAwait(false);
            var enrolled = new List<JourneyInstanceSession>(inserted.Count);
            for (var i = 0; i < sessions.Count; i++)
            {
                if (inserted.Contains(stored[i].InstanceId))
                {
                    sessions[i].Enrolled(stored[i]);
                    enrolled.Add(sessions[i]);
                }
                else
                {
                    // Enrolled before: a batch done again after a restart. The scanner resumes it if it was cut short.
                    inBatch.Remove(stored[i].InstanceId);
                }
            }

            await Parallel.ForEachAsync(
                enrolled,
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = options.Value.Parallelism,
                    CancellationToken = cancellationToken,
                    // Off the calling grain's single-threaded scheduler, which would otherwise run each body until its first await.
                    TaskScheduler = TaskScheduler.Default,
                },
                (session, _) => new ValueTask(RunFirstBurstAsync(workflow, session))).ConfigureAwait(false);
            return enrolled.Count;
        }
        finally
        {
            foreach (var session in sessions)
            {
                inBatch.Remove(session.State.InstanceId);
            }
        }
    }

    private async Task RunFirstBurstAsync(Workflow workflow, JourneyInstanceSession session)
    {
        try
        {
            await runner.RunAsync(workflow, session.State, session).ConfigureAwait(false);
            await session.EndBurstAsync(wasDone: false).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Saved meanwhile by its grain (which owns it from then on, e.g. to cancel it).
            Log.ChangedDuringFirstBurst(logger, JourneyStartRequest.Redact(session.State.InstanceId));
        }
#pragma warning disable CA1031 // One customer's failure must not stop the batch: the scanner resumes the instance from its last save.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.FirstBurstFailed(logger, JourneyStartRequest.Redact(session.State.InstanceId), e);
        }
        finally
        {
            // Free for the scanner as soon as its burst is over, not when the whole batch is.
            inBatch.Remove(session.State.InstanceId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The first steps of journey instance {InstanceId} failed; the timeout scanner resumes it from its last save")]
        public static partial void FirstBurstFailed(ILogger logger, string instanceId, Exception exception);

        [LoggerMessage(2, LogLevel.Information, "Journey instance {InstanceId} was saved by its grain during its first steps; the batch leaves it to the grain")]
        public static partial void ChangedDuringFirstBurst(ILogger logger, string instanceId);
    }
}

using JourneyPlugin.Runtime.Campaigns.Audience;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// Enrols a batch of a run's customers in one write and runs each new instance's first burst (what it
/// does before it first waits or ends: usually render and send) in this process, without a grain per
/// customer: activating, reading and deactivating a grain cost about a quarter of a campaign message's
/// CPU. The batch (then its run's <see cref="FirstBurstQueue"/>) owns its instances until their first
/// burst is saved. Nothing else runs one meanwhile: it waits on no bookmark yet (a reply or a settlement
/// that comes first is held for the wait), and the timeout scanner skips <see cref="InstancesInBatch"/>.
/// If the process dies, the scanner resumes each from its last saved step like any interrupted
/// instance; a Send step run again finds its ledger row and does not send twice.
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
    /// <summary>A queue for the first bursts of one run's instances, <see cref="CampaignOptions.Parallelism"/> at once.</summary>
    public FirstBurstQueue CreateQueue() => new(this, options.Value.Parallelism);

    /// <summary>
    /// Enrols an instance of <paramref name="workflow"/> for each row in one write, and returns the new
    /// ones, held for their first burst (<see cref="RunFirstBurstAsync"/>, or <see cref="LetGo"/>).
    /// </summary>
    /// <remarks>A customer enrolled before (the batch of a run resumed after a restart) is left to the grain and the timeout scanner.</remarks>
    public async Task<IReadOnlyList<JourneyInstanceSession>> EnrolAsync(Workflow workflow, string runId, IReadOnlyList<AudienceRow> rows, CancellationToken cancellationToken)
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

        var enrolled = new List<JourneyInstanceSession>(sessions.Count);
        try
        {
            // Every enrolment is durable, and counted with it, before any first step runs: one write for the batch.
            var stored = sessions.ConvertAll(s => s.ToStored());
            var inserted = await store.InsertNewAsync(stored, i => JourneyInstanceSession.EnrolmentFunnel(i.RunId), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < sessions.Count; i++)
            {
                if (inserted.Contains(stored[i].InstanceId))
                {
                    sessions[i].Enrolled(stored[i]);
                    enrolled.Add(sessions[i]);
                }
            }
        }
        finally
        {
            // Enrolled before (a batch done again after a restart: the scanner resumes it if it was cut short), or not at all.
            foreach (var session in sessions.Except(enrolled))
            {
                LetGo(session);
            }
        }

        return enrolled;
    }

    /// <summary>Lets go of an enrolled instance without running it: the timeout scanner, or its grain, takes it from its last save.</summary>
    public void LetGo(JourneyInstanceSession session) => inBatch.Remove(session.State.InstanceId);

    /// <summary>Runs an enrolled instance's first burst, then lets go of it; never throws.</summary>
    public async Task RunFirstBurstAsync(JourneyInstanceSession session)
    {
        try
        {
            await runner.RunAsync(session.Workflow!, session.State, session).ConfigureAwait(false);
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
            LetGo(session);
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

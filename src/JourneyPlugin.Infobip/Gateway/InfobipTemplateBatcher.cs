using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Messages;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Infobip.Gateway;

/// <summary>
/// Sends the template messages of one connection through Infobip's bulk template endpoint. A send
/// that finds fewer than <see cref="InfobipClientOptions.MaxTemplateRequestsInFlight"/> requests under
/// way leaves at once, alone; the sends that come while requests are under way leave together in the
/// next one, up to <see cref="InfobipClientOptions.MaxTemplatesPerRequest"/> (group commit, for HTTP),
/// both read as the options are now, so a changed setting applies to the next request. A lone send
/// waits for nothing, and a campaign costs Infobip, and us, one request per several messages instead
/// of one each: about the sends in flight (a campaign's parallelism) divided by the requests in flight.
/// </summary>
/// <remarks>
/// Each message keeps its own id, ledger row and result. A message the client would refuse is sent
/// alone, so that it fails by itself; a bulk that Infobip refuses as a whole (400) is sent again one
/// message at a time, so that only the faulty ones fail. A message already taken into a request is
/// not cancelled with its caller: the request is under way for the others too.
/// </remarks>
internal sealed class InfobipTemplateBatcher(IOptionsMonitor<InfobipClientOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Queue<Pending> _queue = new();
    private int _inFlight;

    public Task<InfobipSendResult> SendAsync(IInfobipWhatsAppClient client, InfobipTemplateMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsValid(message))
        {
            return client.SendAsync(message, cancellationToken);
        }

        var pending = new Pending(client, message, cancellationToken);
        bool pump;
        lock (_gate)
        {
            _queue.Enqueue(pending);
            pump = _inFlight < options.CurrentValue.MaxTemplateRequestsInFlight;
            if (pump)
            {
                _inFlight++;
            }
        }

        if (pump)
        {
            // On the thread pool, not on the caller's scheduler (a grain's): the pump serves every caller.
            _ = Task.Run(PumpAsync, CancellationToken.None);
        }

        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    private static bool IsValid(InfobipTemplateMessage message)
    {
        var errors = new List<InfobipFieldError>();
        InfobipMessageValidator.Validate(message, string.Empty, errors);
        return errors.Count == 0;
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            var maxPerRequest = options.CurrentValue.MaxTemplatesPerRequest;
            var batch = new List<Pending>(Math.Min(maxPerRequest, 16));
            lock (_gate)
            {
                while (batch.Count < maxPerRequest && _queue.TryDequeue(out var next))
                {
                    if (!next.CancellationToken.IsCancellationRequested)
                    {
                        batch.Add(next);
                    }
                }

                if (batch.Count == 0)
                {
                    _inFlight--;
                    return;
                }
            }

            await SendAsync(batch).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(List<Pending> batch)
    {
        try
        {
            var client = batch[0].Client;
            var results = await client.SendTemplatesAsync([.. batch.Select(p => p.Message)], bulkId: null, CancellationToken.None).ConfigureAwait(false);
            if (batch.Count > 1 && results[0].HttpStatusCode == 400)
            {
                // Refused as a whole, so none was sent: each on its own tells which ones Infobip objects to.
                var single = new InfobipSendResult[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    single[i] = (await client.SendTemplatesAsync([batch[i].Message], bulkId: null, CancellationToken.None).ConfigureAwait(false))[0];
                }

                results = single;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
#pragma warning disable CA1031 // Whatever went wrong goes to every caller of the batch.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(e);
            }
        }
    }

    private sealed record Pending(IInfobipWhatsAppClient Client, InfobipTemplateMessage Message, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<InfobipSendResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Logging;
using JourneyPlugin.Infobip.Sandbox.Scheduling;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Infobip.Sandbox.Webhooks;

/// <summary>
/// Posts webhooks as Infobip does: results for the same URL and kind are collected for a short
/// window and posted together (up to the batch size); a failed POST is retried with a doubling
/// back-off, then given up.
/// </summary>
internal sealed class WebhookDispatcher(
    HttpClient http,
    InfobipSandboxOptions options,
    TimeProvider time,
    PendingWork pending,
    ILogger logger,
    CancellationToken stopping)
{
    private readonly ConcurrentDictionary<(Uri Url, WebhookKind Kind), WebhookQueue> _queues = new();

    /// <summary>Queues one result; the task tells whether the POST that carried it was accepted.</summary>
    public Task<bool> EnqueueAsync(Uri url, WebhookKind kind, JsonObject result)
    {
        var item = new WebhookItem(result);
        pending.Add();

        var queue = _queues.GetOrAdd((url, kind), key => new WebhookQueue(key.Url, key.Kind));
        List<WebhookItem>? full = null;
        var flushLater = false;
        lock (queue.Sync)
        {
            queue.Add(item);
            if (queue.Count >= options.WebhookBatchSize)
            {
                full = queue.Take(options.WebhookBatchSize);
            }
            else if (!queue.FlushScheduled)
            {
                queue.FlushScheduled = true;
                flushLater = true;
            }
        }

        if (full is not null)
        {
            _ = SendAsync(queue, full);
        }

        if (flushLater)
        {
            _ = FlushAfterWindowAsync(queue);
        }

        return item.Posted.Task;
    }

    private async Task FlushAfterWindowAsync(WebhookQueue queue)
    {
        try
        {
            await Task.Delay(options.WebhookBatchWindow, time, stopping).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the batches below fail at once and release their waiters.
        }

        while (true)
        {
            List<WebhookItem> batch;
            lock (queue.Sync)
            {
                batch = queue.Take(options.WebhookBatchSize);
                if (batch.Count == 0)
                {
                    queue.FlushScheduled = false;
                    return;
                }
            }

            _ = SendAsync(queue, batch);
        }
    }

    private async Task SendAsync(WebhookQueue queue, List<WebhookItem> batch)
    {
        var posted = false;
        try
        {
            posted = await PostWithRetriesAsync(queue, batch).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            foreach (var item in batch)
            {
                item.Posted.TrySetResult(posted);
                pending.Done();
            }
        }
    }

    private async Task<bool> PostWithRetriesAsync(WebhookQueue queue, List<WebhookItem> batch)
    {
        var body = WebhookPayload.Serialize(queue.Kind, batch);
        var signature = options.WebhookHmacSecret is { } secret ? WebhookPayload.Sign(body, secret) : null;
        var url = queue.Url.GetLeftPart(UriPartial.Path);
        var kind = queue.Kind.ToString();

        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, queue.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                if (options.WebhookUserName is { } user)
                {
                    var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.WebhookPassword}"));
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                }

                if (signature is not null)
                {
                    request.Headers.TryAddWithoutValidation(options.WebhookSignatureHeader, signature);
                }

                using var response = await http.SendAsync(request, stopping).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    SandboxLog.WebhookPosted(logger, batch.Count, kind, url);
                    return true;
                }

                failure = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
            {
                failure = "timed out";
            }

            if (attempt > options.WebhookMaxRetries)
            {
                SandboxLog.WebhookGaveUp(logger, batch.Count, kind, url, attempt, failure);
                return false;
            }

            var delay = TimeSpan.FromTicks((long)Math.Min(options.WebhookRetryDelay.Ticks * Math.Pow(2, attempt - 1), options.WebhookMaxRetryDelay.Ticks));
            SandboxLog.WebhookRetrying(logger, batch.Count, kind, url, failure, attempt, delay);
            await Task.Delay(delay, time, stopping).ConfigureAwait(false);
        }
    }
}

namespace JourneyPlugin.Infobip.Client;

/// <summary>Reads a <c>Retry-After</c> header, given either as seconds or as an HTTP date.</summary>
internal static class InfobipRetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider? timeProvider = null)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - (timeProvider ?? TimeProvider.System).GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

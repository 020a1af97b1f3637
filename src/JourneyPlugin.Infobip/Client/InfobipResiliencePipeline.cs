using System.Net;
using JourneyPlugin.Infobip.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace JourneyPlugin.Infobip.Client;

/// <summary>
/// The resilience pipeline of every Infobip call, tuned for sends that must not be duplicated:
/// only what Infobip provably did not accept is retried (a failed connect, 429, 503); a timeout or a
/// connection lost after sending is left to the caller as "outcome unknown". One circuit breaker per
/// Base URL, so one failing account does not stop the others.
/// </summary>
internal static class InfobipResiliencePipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, InfobipClientOptions options)
    {
        builder
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetryAttempts > 0 && IsProvablyNotAccepted(args.Outcome, options.MaxRetryDelay)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? InfobipRetryAfter.Read(response) : null),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsUnhealthy(args.Outcome)),
            })
            .AddTimeout(options.RequestTimeout);
    }

    /// <summary>Whether Infobip provably did not take the request, so sending it again cannot duplicate it.</summary>
    internal static bool IsProvablyNotAccepted(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryDelay)
    {
        if (outcome.Exception is HttpRequestException exception)
        {
            return InfobipWhatsAppClient.IsConnectFailure(exception);
        }

        if (outcome.Result is not { } response || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return false;
        }

        // A wait longer than we are willing to block is handed back to the caller.
        return InfobipRetryAfter.Read(response) is not { } retryAfter || retryAfter <= maxRetryDelay;
    }

    private static bool IsUnhealthy(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException
        || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };
}

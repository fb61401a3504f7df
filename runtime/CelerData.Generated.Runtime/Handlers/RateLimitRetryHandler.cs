using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Retries a request answered with 429 after the wait its <c>Retry-After</c> asks for (seconds or an HTTP date)
/// plus a little jitter, at most <see cref="CelerDataClientOptions.MaxRateLimitRetries"/> times and never
/// waiting longer than <see cref="CelerDataClientOptions.MaxRetryDelay"/>; then throws
/// <see cref="CelerDataRateLimitedException"/>, which says when to try again.
/// </summary>
internal sealed class RateLimitRetryHandler : DelegatingHandler
{
    private static readonly TimeSpan MinJitter = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(1);
    private readonly CelerDataClientRuntime _runtime;

    public RateLimitRetryHandler(CelerDataClientRuntime runtime)
    {
        _runtime = runtime;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = _runtime.Options;
        var replayable = await RequestReplay.PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var now = _runtime.TimeProvider.GetUtcNow();
            var wait = RetryAfter.Parse(response.Headers.RetryAfter, now) ?? Backoff(attempt);
            response.Dispose();
            var path = SecurityRequirementReader.PathOf(request);
            if (!replayable || attempt > options.MaxRateLimitRetries || wait > options.MaxRetryDelay)
            {
                var retryAt = now + wait;
                Log.RateLimitedGivingUp(_runtime.Logger, _runtime.Name, request.Method.Method, path, retryAt);
                throw new CelerDataRateLimitedException(_runtime.Name, wait, retryAt, HttpStatusCode.TooManyRequests);
            }

            var delay = wait + Jitter(wait);
            Log.RateLimitedRetrying(_runtime.Logger, _runtime.Name, request.Method.Method, path, attempt, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _runtime.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>1 s, 2 s, 4 s… when the server gave no <c>Retry-After</c>.</summary>
    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt - 1, 10)));

    /// <summary>Up to a tenth of the wait (between 50 ms and 1 s), only ever added, so the server's wait is honoured.</summary>
    private static TimeSpan Jitter(TimeSpan wait)
    {
        var bound = TimeSpan.FromTicks(Math.Clamp(wait.Ticks / 10, MinJitter.Ticks, MaxJitter.Ticks));
        return TimeSpan.FromTicks((long)(bound.Ticks * Random.Shared.NextDouble()));
    }
}

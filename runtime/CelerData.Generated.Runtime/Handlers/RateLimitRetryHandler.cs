using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Retries a request answered with 429 after the wait its <c>Retry-After</c> asks for (seconds or an HTTP date)
/// plus a little jitter, at most <see cref="CelerDataClientOptions.MaxRateLimitRetries"/> times and never
/// waiting longer than <see cref="CelerDataClientOptions.MaxRetryDelay"/>; then throws
/// <see cref="CelerDataRateLimitedException"/>, which says when to try again. A <c>Retry-After</c> too far ahead
/// (even beyond what .NET parses) fails at once.
/// </summary>
internal sealed class RateLimitRetryHandler : DelegatingHandler
{
    private static readonly TimeSpan MinJitter = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(1);
    private readonly string _clientName;
    private readonly int _maxRetries;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public RateLimitRetryHandler(string clientName, int maxRetries, TimeSpan maxDelay, TimeProvider timeProvider, ILogger logger)
    {
        _clientName = clientName;
        _maxRetries = maxRetries;
        _maxDelay = maxDelay;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var replayable = await RequestReplay.PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            Telemetry.TooManyRequests.Add(1, Telemetry.Client(_clientName));
            var now = _timeProvider.GetUtcNow();
            var wait = RetryAfter.Parse(response.Headers, now) ?? Backoff(attempt);
            response.Dispose();
            var path = RequestSecurity.PathOf(request);
            if (!replayable || attempt > _maxRetries || wait > _maxDelay)
            {
                var retryAt = now + wait;
                Log.RateLimitedGivingUp(_logger, _clientName, request.Method.Method, path, retryAt);
                throw new CelerDataRateLimitedException(_clientName, wait, retryAt, HttpStatusCode.TooManyRequests);
            }

            var delay = wait + Jitter(wait);
            Log.RateLimitedRetrying(_logger, _clientName, request.Method.Method, path, attempt, (long)delay.TotalMilliseconds);
            Telemetry.RateLimitWaited(_clientName, "server", delay.TotalSeconds);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
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

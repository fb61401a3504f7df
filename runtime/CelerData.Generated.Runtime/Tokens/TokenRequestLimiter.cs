using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>Keeps the token requests of one client under its allowance a minute; a request over it waits for a permit.</summary>
internal sealed class TokenRequestLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly RateLimiter _limiter;
    private readonly string _clientName;
    private readonly int _permitsPerMinute;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public TokenRequestLimiter(string clientName, int permitsPerMinute, TimeProvider timeProvider, ILogger logger)
    {
        _clientName = clientName;
        _permitsPerMinute = permitsPerMinute;
        _logger = logger;
        _timeProvider = timeProvider;
        _limiter = new SlidingLogRateLimiter(permitsPerMinute, Window, timeProvider);
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        using (var lease = _limiter.AttemptAcquire())
        {
            if (lease.IsAcquired)
            {
                return;
            }
        }

        Log.TokenRequestThrottled(_logger, _clientName, _permitsPerMinute);
        var started = _timeProvider.GetTimestamp();
        using var queued = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        Telemetry.RateLimitWaited(_clientName, "client", _timeProvider.GetElapsedTime(started).TotalSeconds);
    }

    public void Dispose() => _limiter.Dispose();
}

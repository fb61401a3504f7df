using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>
/// A <see cref="RateLimiter"/> that grants at most <c>permitLimit</c> permits in any window, keeping the time of
/// each grant. Unlike the limiters in System.Threading.RateLimiting, which measure elapsed time with
/// <c>Stopwatch</c>, it reads an injected <see cref="TimeProvider"/>, so tests can drive it. Waiters are served one at a time.
/// </summary>
internal sealed class SlidingLogRateLimiter : RateLimiter
{
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly Queue<DateTimeOffset> _grants = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _idleSince;
    private long _successful;
    private long _failed;

    public SlidingLogRateLimiter(int permitLimit, TimeSpan window, TimeProvider timeProvider)
    {
        _permitLimit = permitLimit;
        _window = window;
        _timeProvider = timeProvider;
        _idleSince = timeProvider.GetUtcNow();
    }

    public override TimeSpan? IdleDuration => _turn.CurrentCount == 1 ? _timeProvider.GetUtcNow() - _idleSince : null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_grants)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - _grants.Count,
                CurrentQueuedCount = _turn.CurrentCount == 0 ? 1 : 0,
                TotalSuccessfulLeases = Interlocked.Read(ref _successful),
                TotalFailedLeases = Interlocked.Read(ref _failed),
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ValidatePermitCount(permitCount);
        if (!_turn.Wait(0))
        {
            Interlocked.Increment(ref _failed);
            return Lease.Failed(null);
        }

        try
        {
            return TryGrant(out var wait) ? Lease.Acquired : Lease.Failed(wait);
        }
        finally
        {
            Release();
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ValidatePermitCount(permitCount);
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!TryGrant(out var wait))
            {
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            return Lease.Acquired;
        }
        finally
        {
            Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TryGrant(out TimeSpan wait)
    {
        lock (_grants)
        {
            var now = _timeProvider.GetUtcNow();
            while (_grants.Count > 0 && now - _grants.Peek() >= _window)
            {
                _grants.Dequeue();
            }

            if (_grants.Count < _permitLimit)
            {
                _grants.Enqueue(now);
                Interlocked.Increment(ref _successful);
                wait = TimeSpan.Zero;
                return true;
            }

            wait = _grants.Peek() + _window - now;
            return false;
        }
    }

    private void Release()
    {
        _idleSince = _timeProvider.GetUtcNow();
        _turn.Release();
    }

    private static void ValidatePermitCount(int permitCount)
    {
        if (permitCount != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Only one permit at a time is supported.");
        }
    }

    private sealed class Lease : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        private readonly TimeSpan? _retryAfter;

        private Lease(bool isAcquired, TimeSpan? retryAfter)
        {
            IsAcquired = isAcquired;
            _retryAfter = retryAfter;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Failed(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}

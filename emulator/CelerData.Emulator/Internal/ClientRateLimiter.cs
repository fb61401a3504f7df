using System;
using System.Collections.Concurrent;

namespace CelerData.Emulator.Internal;

/// <summary>
/// A fixed one-minute window per key: the window opens at a key's first request and the
/// request past the limit within it is refused until it closes.
/// </summary>
internal sealed class ClientRateLimiter(TimeProvider timeProvider, int limitPerMinute)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, WindowCounter> _windows = new(StringComparer.Ordinal);

    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (limitPerMinute <= 0)
        {
            return true;
        }

        var now = timeProvider.GetUtcNow();
        var counter = _windows.GetOrAdd(key, static _ => new WindowCounter());
        lock (counter)
        {
            if (counter.Count == 0 || now >= counter.Start + Window)
            {
                counter.Start = now;
                counter.Count = 0;
            }

            if (counter.Count >= limitPerMinute)
            {
                retryAfter = counter.Start + Window - now;
                return false;
            }

            counter.Count++;
            return true;
        }
    }

    public void Reset() => _windows.Clear();

    private sealed class WindowCounter
    {
        public DateTimeOffset Start { get; set; }

        public int Count { get; set; }
    }
}

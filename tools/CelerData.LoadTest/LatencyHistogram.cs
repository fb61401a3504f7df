using System;
using System.Threading;

namespace CelerData.LoadTest;

/// <summary>
/// Latencies in 10 µs buckets, counted in a fixed array allocated up front (up to 1 s; longer ones go in the last
/// bucket, and the maximum is kept exactly), so that recording allocates nothing and does not disturb the memory figures.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int Buckets = 100_000;
    private const int MicrosecondsPerBucket = 10;
    private readonly int[] _counts = new int[Buckets];
    private long _count;
    private long _maxMicroseconds;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan latency)
    {
        var microseconds = (long)latency.TotalMicroseconds;
        Interlocked.Increment(ref _counts[Math.Clamp(microseconds / MicrosecondsPerBucket, 0, Buckets - 1)]);
        Interlocked.Increment(ref _count);
        long max;
        while (microseconds > (max = Interlocked.Read(ref _maxMicroseconds)) && Interlocked.CompareExchange(ref _maxMicroseconds, microseconds, max) != max)
        {
        }
    }

    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _maxMicroseconds));

    public TimeSpan Percentile(double percentile)
    {
        var rank = (long)Math.Ceiling(percentile / 100.0 * Count);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= rank && seen > 0)
            {
                return TimeSpan.FromMicroseconds((i + 1) * MicrosecondsPerBucket);
            }
        }

        return Max;
    }
}

using System;
using System.Net.Http.Headers;

namespace CelerData.Generated.Runtime;

/// <summary>Reads <c>Retry-After</c> in both of its forms: delta-seconds and an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>The wait assumed when a 429 carries no usable <c>Retry-After</c>.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    /// <summary>The wait the header asks for, never negative; <see langword="null"/> when there is no header.</summary>
    public static TimeSpan? Parse(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

using System;
using System.Globalization;
using System.Net.Http.Headers;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Reads <c>Retry-After</c> in both of its forms: delta-seconds and an HTTP date. A delta too large for .NET to parse
/// (beyond the 32-bit range) is read as <see cref="Far"/> rather than as no header, so that it fails at once
/// instead of being retried immediately.
/// </summary>
internal static class RetryAfter
{
    /// <summary>The wait assumed when a 429 carries no usable <c>Retry-After</c>.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    /// <summary>The wait used for any delta beyond it: longer than any retry a client makes.</summary>
    public static readonly TimeSpan Far = TimeSpan.FromDays(3650);

    private const string HeaderName = "Retry-After";

    /// <summary>The wait the header asks for, never negative and at most <see cref="Far"/>; <see langword="null"/> when there is no usable header.</summary>
    public static TimeSpan? Parse(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        if (headers is null)
        {
            return null;
        }

        if (headers.RetryAfter is { } parsed)
        {
            if (parsed.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta > Far ? Far : delta;
            }

            if (parsed.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Far ? Far : wait;
            }
        }

        // .NET drops a delta beyond int.MaxValue seconds as invalid; the raw value still says "very long".
        if (headers.NonValidated.TryGetValues(HeaderName, out var raw))
        {
            foreach (var value in raw)
            {
                var text = value.Trim();
                if (text.Length > 0 && IsDigits(text))
                {
                    return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < (long)Far.TotalSeconds
                        ? TimeSpan.FromSeconds(seconds)
                        : Far;
                }
            }
        }

        return null;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}

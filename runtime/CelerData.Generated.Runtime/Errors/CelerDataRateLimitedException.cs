using System;
using System.Globalization;
using System.Net;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The request was rate limited, by the server (HTTP 429, after the allowed retries) or by the
/// client-side token request limiter. <see cref="RetryAt"/> says when to try again.
/// </summary>
public sealed class CelerDataRateLimitedException : CelerDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The name of the client that was limited.</param>
    /// <param name="retryAfter">How long to wait before trying again.</param>
    /// <param name="retryAt">When to try again.</param>
    /// <param name="statusCode">429 when the server limited the request; <see langword="null"/> when the client did.</param>
    public CelerDataRateLimitedException(string clientName, TimeSpan retryAfter, DateTimeOffset retryAt, HttpStatusCode? statusCode)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "{0} was rate limited {1}. Try again after {2:O} (in {3:0.###} s).",
            clientName,
            statusCode is null ? "by the client-side token request limiter" : "by the server (HTTP 429)",
            retryAt,
            retryAfter.TotalSeconds), statusCode)
    {
        RetryAfter = retryAfter;
        RetryAt = retryAt;
    }

    /// <summary>How long to wait before trying again.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>When to try again.</summary>
    public DateTimeOffset RetryAt { get; }
}

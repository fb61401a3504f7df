using System;
using System.Globalization;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The token could not be obtained within <see cref="CelerDataClientOptions.TokenFetchTimeout"/> (or the token
/// endpoint's HTTP client timed out). Nothing was sent with the token.
/// </summary>
public sealed class CelerDataTokenTimeoutException : CelerDataAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="clientName">The client whose token fetch timed out.</param>
    /// <param name="timeout">The time allowed, when known.</param>
    public CelerDataTokenTimeoutException(string clientName, TimeSpan? timeout)
        : base(timeout is { } limit
            ? string.Format(CultureInfo.InvariantCulture, "The access token of {0} could not be obtained within {1:0.###} s.", clientName, limit.TotalSeconds)
            : string.Format(CultureInfo.InvariantCulture, "The token request of {0} timed out.", clientName))
    {
        Timeout = timeout;
    }

    /// <summary>The time allowed, when known.</summary>
    public TimeSpan? Timeout { get; }
}

using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>Log lines of the shared token cache. None takes a secret, a key, a token or a cache entry.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, EventName = "TokenSharingFailed", Level = LogLevel.Warning,
        Message = "{ClientName}: the shared token cache failed ({ErrorType}); fetching tokens in this process for the next {RetrySeconds} s")]
    public static partial void TokenSharingFailed(ILogger logger, string clientName, string errorType, long retrySeconds);

    [LoggerMessage(EventId = 21, EventName = "TokenShared", Level = LogLevel.Debug,
        Message = "{ClientName}: published the access token to the shared cache for {Seconds} s")]
    public static partial void TokenShared(ILogger logger, string clientName, long seconds);

    [LoggerMessage(EventId = 23, EventName = "TokenSharingUnavailable", Level = LogLevel.Warning,
        Message = "{ClientName}: tokens are not shared: {Reason}")]
    public static partial void TokenSharingUnavailable(ILogger logger, string clientName, string reason);
}

using System;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>Every log line of the runtime. None takes a secret, a Basic value, a token or a response body.</summary>
internal static partial class Log
{
    public const string CategoryName = "CelerData.Generated.Runtime";

    [LoggerMessage(EventId = 1, EventName = "TokenFetchStarted", Level = LogLevel.Debug,
        Message = "{ClientName}: requesting an access token")]
    public static partial void TokenFetchStarted(ILogger logger, string clientName);

    [LoggerMessage(EventId = 2, EventName = "TokenFetched", Level = LogLevel.Information,
        Message = "{ClientName}: obtained an access token valid for {ExpiresInSeconds} s, refreshed from {RefreshAt:O}")]
    public static partial void TokenFetched(ILogger logger, string clientName, long expiresInSeconds, DateTimeOffset refreshAt);

    [LoggerMessage(EventId = 3, EventName = "TokenFetchFailed", Level = LogLevel.Warning,
        Message = "{ClientName}: the access token request failed with {ErrorType} (HTTP status {StatusCode})")]
    public static partial void TokenFetchFailed(ILogger logger, string clientName, string errorType, int? statusCode);

    [LoggerMessage(EventId = 4, EventName = "TokenRejected", Level = LogLevel.Information,
        Message = "{ClientName}: {Method} {Path} was answered 401; dropping the token and retrying once")]
    public static partial void TokenRejected(ILogger logger, string clientName, string method, string path);

    [LoggerMessage(EventId = 5, EventName = "NotRetriedAfter401", Level = LogLevel.Information,
        Message = "{ClientName}: {Method} {Path} was answered 401 but its content cannot be replayed; not retrying")]
    public static partial void NotRetriedAfter401(ILogger logger, string clientName, string method, string path);

    [LoggerMessage(EventId = 6, EventName = "RateLimitedRetrying", Level = LogLevel.Warning,
        Message = "{ClientName}: {Method} {Path} was answered 429; retry {Attempt} in {DelayMilliseconds} ms")]
    public static partial void RateLimitedRetrying(ILogger logger, string clientName, string method, string path, int attempt, long delayMilliseconds);

    [LoggerMessage(EventId = 7, EventName = "RateLimitedGivingUp", Level = LogLevel.Warning,
        Message = "{ClientName}: {Method} {Path} was answered 429; giving up, retry after {RetryAt:O}")]
    public static partial void RateLimitedGivingUp(ILogger logger, string clientName, string method, string path, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 8, EventName = "TokenRequestThrottled", Level = LogLevel.Warning,
        Message = "{ClientName}: the client-side limit of {PermitsPerMinute} token requests a minute is exhausted")]
    public static partial void TokenRequestThrottled(ILogger logger, string clientName, int permitsPerMinute);

    [LoggerMessage(EventId = 9, EventName = "NoSecurityRequirement", Level = LogLevel.Debug,
        Message = "{ClientName}: {Method} {Path} records no security requirement; it is sent without credentials")]
    public static partial void NoSecurityRequirement(ILogger logger, string clientName, string method, string path);

    [LoggerMessage(EventId = 10, EventName = "InsecureTransportRefused", Level = LogLevel.Error,
        Message = "{ClientName}: refused to send credentials over {Scheme} to {Host}")]
    public static partial void InsecureTransportRefused(ILogger logger, string clientName, string scheme, string host);

    [LoggerMessage(EventId = 11, EventName = "ForeignOriginRefused", Level = LogLevel.Error,
        Message = "{ClientName}: refused to send credentials to {Origin}, which is not the origin of the base address, or to follow a redirect there")]
    public static partial void ForeignOriginRefused(ILogger logger, string clientName, string origin);

    [LoggerMessage(EventId = 12, EventName = "CredentialsBackingOff", Level = LogLevel.Warning,
        Message = "{ClientName}: the token endpoint refused the credentials; no token request for {BackoffMilliseconds} ms")]
    public static partial void CredentialsBackingOff(ILogger logger, string clientName, long backoffMilliseconds);
}

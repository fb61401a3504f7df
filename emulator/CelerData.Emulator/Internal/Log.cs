using Microsoft.Extensions.Logging;

namespace CelerData.Emulator.Internal;

// Client IDs only: no secret, Authorization header or token ever reaches a log.
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Issued a token to client {ClientId} ({GrantType}).")]
    public static partial void TokenIssued(ILogger logger, string clientId, string grantType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Rejected the credentials of client {ClientId}.")]
    public static partial void CredentialsRejected(ILogger logger, string clientId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Rejected a token request from client {ClientId}: {Reason}.")]
    public static partial void TokenRequestRejected(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Client {ClientId} passed {Limit} requests a minute; answered 429.")]
    public static partial void RateLimited(ILogger logger, string clientId, int limit);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Injected fault {Kind} into {Method} {Path}.")]
    public static partial void FaultInjected(ILogger logger, EmulatorFaultKind kind, string method, string path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Faults set: {Kind}, count {Count}, rate {Rate}, latency {Latency}, scope {Scope}.")]
    public static partial void FaultsChanged(ILogger logger, EmulatorFaultKind kind, int? count, double rate, System.TimeSpan latency, EmulatorFaultScope scope);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Counters, rate-limit windows and faults reset.")]
    public static partial void StateReset(ILogger logger);
}

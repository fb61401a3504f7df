using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The runtime's spans and metrics, both named <see cref="CelerDataTelemetry.SourceName"/>. Instruments cost a
/// check of a flag when nothing listens. No tag holds a credential, a query string or a body.
/// </summary>
internal static class Telemetry
{
    public static readonly ActivitySource Source = new(CelerDataTelemetry.SourceName);
    public static readonly Meter Meter = new(CelerDataTelemetry.SourceName);

    public static readonly Counter<long> TokenFetches = Meter.CreateCounter<long>(
        "celerdata.token.fetches", "{fetch}", "Token fetches the token cache ran, by outcome (celerdata.token.outcome).");

    public static readonly Counter<long> TokenCacheHits = Meter.CreateCounter<long>(
        "celerdata.token.cache.hits", "{request}", "Callers answered with the cached token without waiting for a fetch.");

    public static readonly Counter<long> TokenCacheMisses = Meter.CreateCounter<long>(
        "celerdata.token.cache.misses", "{request}", "Callers that waited for a fetch (no token, or one about to expire).");

    public static readonly Counter<long> RefreshAhead = Meter.CreateCounter<long>(
        "celerdata.token.refresh_ahead", "{fetch}", "Fetches started in the background while callers kept the current, still valid token.");

    public static readonly Counter<long> RateLimitWaits = Meter.CreateCounter<long>(
        "celerdata.rate_limit.waits", "{wait}", "Waits before sending: for a client-side token permit, or after a 429 (celerdata.rate_limit.source).");

    public static readonly Histogram<double> RateLimitWaitDuration = Meter.CreateHistogram<double>(
        "celerdata.rate_limit.wait.duration", "s", "How long each rate-limit wait lasted or was scheduled to last.");

    public static readonly Counter<long> TooManyRequests = Meter.CreateCounter<long>(
        "celerdata.http.too_many_requests", "{response}", "HTTP 429 responses received, retried or not.");

    public static KeyValuePair<string, object?> Client(string clientName) => new("celerdata.client.name", clientName);

    public static void TokenFetched(string clientName, string outcome)
    {
        if (TokenFetches.Enabled)
        {
            TokenFetches.Add(1, Client(clientName), new KeyValuePair<string, object?>("celerdata.token.outcome", outcome));
        }
    }

    public static void RateLimitWaited(string clientName, string source, double seconds)
    {
        var sourceTag = new KeyValuePair<string, object?>("celerdata.rate_limit.source", source);
        RateLimitWaits.Add(1, Client(clientName), sourceTag);
        RateLimitWaitDuration.Record(seconds, Client(clientName), sourceTag);
    }

    /// <summary>The outcome tag of a fetch that ended with <paramref name="exception"/>.</summary>
    public static string OutcomeOf(System.Exception exception) => exception switch
    {
        CelerDataInvalidCredentialsException => "invalid_credentials",
        CelerDataBadRequestException => "bad_request",
        CelerDataRateLimitedException => "rate_limited",
        CelerDataServerErrorException => "server_error",
        CelerDataUnreachableException => "unreachable",
        CelerDataMalformedTokenResponseException => "malformed",
        CelerDataTokenTimeoutException => "timeout",
        System.OperationCanceledException => "canceled",
        _ => "error",
    };
}

using System;
using System.Collections.Generic;
using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The handlers of both pipelines, outermost first. The bearer handler is outermost so that its 401 retry
/// goes through everything below it again; the 429 handler sits above the token limiter so that each retry
/// of a token request takes a permit; the guard is last, right before the wire. The token pipeline has no
/// bearer handler, so fetching a token can never recurse into the cache.
/// </summary>
internal static class HandlerPipeline
{
    public static readonly IReadOnlyList<Func<CelerDataClientRuntime, DelegatingHandler>> Token =
    [
        runtime => new BasicAuthenticationHandler(runtime),
        runtime => new RateLimitRetryHandler(runtime),
        runtime => new TokenRequestRateLimitHandler(runtime),
        runtime => new CredentialGuardHandler(runtime),
    ];

    public static readonly IReadOnlyList<Func<CelerDataClientRuntime, DelegatingHandler>> Api =
    [
        runtime => new BearerAuthenticationHandler(runtime),
        .. Token,
    ];

    /// <summary>Creates the handlers of <paramref name="pipeline"/> and chains them on top of <paramref name="primary"/>.</summary>
    public static HttpMessageHandler Build(
        IReadOnlyList<Func<CelerDataClientRuntime, DelegatingHandler>> pipeline,
        CelerDataClientRuntime runtime,
        HttpMessageHandler primary)
    {
        var inner = primary;
        for (var i = pipeline.Count - 1; i >= 0; i--)
        {
            var handler = pipeline[i](runtime);
            handler.InnerHandler = inner;
            inner = handler;
        }

        return inner;
    }
}

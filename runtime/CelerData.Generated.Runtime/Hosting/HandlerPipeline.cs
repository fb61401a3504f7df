using System;
using System.Collections.Generic;
using System.Net.Http;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The handlers of both pipelines, outermost first, each made from only the parts of the client it uses. The
/// telemetry handler is outermost, so that one span covers a call with its retries; the bearer handler comes next so
/// that its 401 retry goes through everything below it again (API keys included); the token response
/// limit reads the body once, after any 429 retry; the 429 handler sits above the token limiter so that each retry
/// of a token request takes a permit; the guard is last, right before the wire. The token pipeline has no bearer
/// handler, so fetching a token can never recurse into the cache. The primary handler follows no redirect.
/// </summary>
internal static class HandlerPipeline
{
    // Declared first: the pipelines below are initialized in textual order and include it.
    private static readonly IReadOnlyList<Func<CelerDataClientRuntime, DelegatingHandler>> TokenCore =
    [
        runtime => new ApiKeyAuthenticationHandler(runtime.Security, runtime.Scope),
        runtime => new BasicAuthenticationHandler(runtime.Security, runtime.Scope, runtime.Credentials),
        runtime => new TokenResponseSizeLimitHandler(runtime.Security, runtime.Name),
        runtime => new RateLimitRetryHandler(runtime.Name, runtime.Options.MaxRateLimitRetries, runtime.Options.MaxRetryDelay, runtime.TimeProvider, runtime.Logger),
        runtime => new TokenRequestRateLimitHandler(runtime.Security, runtime.TokenRequestLimiter),
        runtime => new CredentialGuardHandler(runtime.Security, runtime.Scope),
    ];

    public static readonly IReadOnlyList<Func<CelerDataClientRuntime, DelegatingHandler>> Token =
    [
        runtime => new TelemetryHandler(runtime.Name, runtime.Operations),
        .. TokenCore,
    ];

    public static readonly IReadOnlyList<Func<CelerDataClientRuntime, DelegatingHandler>> Api =
    [
        runtime => new TelemetryHandler(runtime.Name, runtime.Operations),
        runtime => new BearerAuthenticationHandler(runtime.Security, runtime.Scope, runtime.TokenCache),
        .. TokenCore,
    ];

    /// <summary>The primary handler of a client the runtime creates: pooled connections recycled every 5 minutes, no redirects.</summary>
    public static SocketsHttpHandler CreatePrimary() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
    };

    /// <summary>
    /// Turns off automatic redirects on the primary handler <c>IHttpClientFactory</c> made, when it is one of .NET's:
    /// credentialed requests never follow a redirect (the guard also refuses a response that did follow one elsewhere).
    /// </summary>
    public static void RefuseRedirects(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

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

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>What the handlers of one client share: validated options, credentials, clock, logger, token cache and limiter.</summary>
internal sealed class CelerDataClientRuntime : IDisposable
{
    public CelerDataClientRuntime(
        string name,
        Uri baseAddress,
        int tokenRequestsPerMinute,
        CelerDataClientOptions options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        Func<CancellationToken, Task<TokenEndpointResponse>>? fetchToken,
        IReadOnlyDictionary<string, string>? securityRequirements,
        DistributedTokenStore? sharedTokens = null)
    {
        Name = name;
        SecurityRequirements = securityRequirements;
        BaseAddress = baseAddress;
        Options = options;
        TimeProvider = timeProvider;
        Logger = loggerFactory.CreateLogger(Log.CategoryName);
        Credentials = new ClientCredentials(options.ClientId!, options.ClientSecret!, options.CredentialEncoding);
        TokenRequestLimiter = new TokenRequestLimiter(name, tokenRequestsPerMinute, timeProvider, Logger);
        TokenCache = fetchToken is null ? null : sharedTokens is null
            ? new CelerDataTokenCache(name, fetchToken, timeProvider, options.TokenRefreshMargin, Logger)
            : new CelerDataTokenCache(name, sharedTokens.Share(this, fetchToken), timeProvider, options.TokenRefreshMargin, Logger, token => _ = sharedTokens.InvalidateAsync(this, token));
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    /// <summary>The requirement of each operation by method name, from the descriptor.</summary>
    public IReadOnlyDictionary<string, string>? SecurityRequirements { get; }

    public CelerDataClientOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public ClientCredentials Credentials { get; }

    public TokenRequestLimiter TokenRequestLimiter { get; }

    public CelerDataTokenCache? TokenCache { get; }

    public void EnsureSecure(Uri? uri)
    {
        if (!TransportSecurity.IsSecure(uri))
        {
            Log.InsecureTransportRefused(Logger, Name, uri is { IsAbsoluteUri: true } ? uri.Scheme : "(relative)", uri is { IsAbsoluteUri: true } ? uri.Host : "(none)");
            TransportSecurity.EnsureSecure(uri, Name);
        }
    }

    public void Dispose()
    {
        TokenCache?.Dispose();
        TokenRequestLimiter.Dispose();
    }
}

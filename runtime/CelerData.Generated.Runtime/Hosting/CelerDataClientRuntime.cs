using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Builds and owns the parts of one client: client credentials, the credential scope, the security lookup, the token
/// request limiter and the token cache. Handlers are given only the parts they use.
/// </summary>
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
        DistributedTokenStore? sharedTokens = null,
        IReadOnlyDictionary<string, string>? operationIds = null,
        IReadOnlyDictionary<string, CelerDataApiKeyScheme>? apiKeySchemes = null)
    {
        Operations = new OperationNames(operationIds);
        Name = name;
        Options = options;
        TimeProvider = timeProvider;
        Logger = loggerFactory.CreateLogger(Log.CategoryName);
        Credentials = string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret)
            ? null
            : new ClientCredentials(options.ClientId, options.ClientSecret, options.CredentialEncoding);
        Security = new RequestSecurity(securityRequirements, apiKeySchemes, options.ApiKeyFor, fetchToken is not null && Credentials is not null, Credentials is not null);
        Scope = new CredentialScope(name, baseAddress, Logger);
        TokenRequestLimiter = new TokenRequestLimiter(name, tokenRequestsPerMinute, timeProvider, Logger);
        var refused = new RefusedTokens(timeProvider);
        if (fetchToken is not null)
        {
            var fetch = sharedTokens is null ? fetchToken : sharedTokens.Share(this, refused, fetchToken);
            Func<CelerDataAccessToken, Task>? invalidated = sharedTokens is null ? null : token => sharedTokens.InvalidateAsync(this, token);
            TokenCache = new CelerDataTokenCache(name, fetch, timeProvider, options.TokenRefreshMargin, Logger, options.TokenFetchTimeout, refused, invalidated);
        }
    }

    public string Name { get; }

    public Uri BaseAddress => Scope.BaseAddress;

    public CelerDataClientOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public RequestSecurity Security { get; }

    public OperationNames Operations { get; }

    public CredentialScope Scope { get; }

    /// <summary>The client ID and secret; null when the options hold none (an API that takes only API keys).</summary>
    public ClientCredentials? Credentials { get; }

    public TokenRequestLimiter TokenRequestLimiter { get; }

    public CelerDataTokenCache? TokenCache { get; }

    public void Dispose()
    {
        TokenCache?.Dispose();
        TokenRequestLimiter.Dispose();
    }
}

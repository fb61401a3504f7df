using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace CelerData.Generated.Runtime;

/// <summary>
/// Builds and owns the parts of one client: credentials, the credential scope, the security lookup, the token
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
        IReadOnlyDictionary<string, string>? operationIds = null)
    {
        Operations = new OperationNames(operationIds);
        Name = name;
        Options = options;
        TimeProvider = timeProvider;
        Logger = loggerFactory.CreateLogger(Log.CategoryName);
        Security = new RequestSecurity(securityRequirements);
        Scope = new CredentialScope(name, baseAddress, Logger);
        Credentials = new ClientCredentials(options.ClientId!, options.ClientSecret!, options.CredentialEncoding);
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

    public ClientCredentials Credentials { get; }

    public TokenRequestLimiter TokenRequestLimiter { get; }

    public CelerDataTokenCache? TokenCache { get; }

    public void Dispose()
    {
        TokenCache?.Dispose();
        TokenRequestLimiter.Dispose();
    }
}

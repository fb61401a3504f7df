using System;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CelerData.Generated.Runtime;

/// <summary>Shares a client's access token between every process that uses the same base address and credentials.</summary>
public static class CelerDataDistributedTokenCacheExtensions
{
    /// <summary>
    /// Shares the client's tokens through the application's registered <see cref="IDistributedCache"/>, which must be
    /// registered, and, when one is registered, an <see cref="ICelerDataTokenLock"/> (then one process of the fleet
    /// fetches each token; without one, each process still fetches at most one at a time). For Redis, prefer
    /// <c>AddCelerDataRedisTokenCache</c> from the CelerData.Generated.Runtime.Redis package, which uses a connection
    /// of its own. Entries are keyed and encrypted with keys derived from the client secret (HKDF-SHA256, AES-256-GCM).
    /// When the cache fails, each process fetches its own tokens and logs a warning.
    /// </summary>
    /// <param name="builder">The builder that <c>AddCelerDataClient</c> (or the generated <c>Add{Client}Client</c>) returned.</param>
    /// <param name="configure">Adjusts the sharing options.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddCelerDataDistributedTokenCache(
        this IHttpClientBuilder builder,
        Action<CelerDataDistributedTokenCacheOptions>? configure = null)
        => builder.AddCelerDataDistributedTokenCache(
            static provider => provider.GetRequiredService<IDistributedCache>(),
            static provider => provider.GetService<ICelerDataTokenLock>(),
            configure);

    /// <summary>
    /// Shares the client's tokens through a cache and a lock that only the token cache uses (a package such as
    /// CelerData.Generated.Runtime.Redis passes its own): nothing is taken from, or added to, what the application registers.
    /// </summary>
    /// <param name="builder">The builder that <c>AddCelerDataClient</c> (or the generated <c>Add{Client}Client</c>) returned.</param>
    /// <param name="cache">Creates the store of the shared entries.</param>
    /// <param name="tokenLock">Creates the fleet-wide lock, or returns <see langword="null"/> for none.</param>
    /// <param name="configure">Adjusts the sharing options.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddCelerDataDistributedTokenCache(
        this IHttpClientBuilder builder,
        Func<IServiceProvider, IDistributedCache> cache,
        Func<IServiceProvider, ICelerDataTokenLock?> tokenLock,
        Action<CelerDataDistributedTokenCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(tokenLock);
        var options = new CelerDataDistributedTokenCacheOptions();
        configure?.Invoke(options);
        options.Validate();
        builder.Services.TryAddKeyedSingleton(builder.Name, (provider, _) => new DistributedTokenStore(
            cache(provider),
            tokenLock(provider),
            options.Clone()));
        return builder;
    }
}

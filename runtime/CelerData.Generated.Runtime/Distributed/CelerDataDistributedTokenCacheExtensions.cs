using System;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CelerData.Generated.Runtime;

/// <summary>Shares a client's access token between every process that uses the same base address and credentials.</summary>
public static class CelerDataDistributedTokenCacheExtensions
{
    /// <summary>
    /// Shares the client's tokens through Redis: registers a Redis <see cref="IDistributedCache"/> and a
    /// <see cref="RedisTokenLock"/> on one shared connection, so that only one process of the fleet fetches each token.
    /// </summary>
    /// <param name="builder">The builder that <c>AddCelerDataClient</c> (or the generated <c>Add{Client}Client</c>) returned.</param>
    /// <param name="redisConfiguration">
    /// A StackExchange.Redis configuration string, such as <c>127.0.0.1:6379</c>. The first registration's connection
    /// serves every client of the container.
    /// </param>
    /// <param name="configure">Adjusts the sharing options.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddCelerDataRedisTokenCache(
        this IHttpClientBuilder builder,
        string redisConfiguration,
        Action<CelerDataDistributedTokenCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(redisConfiguration);
        // Created by the container, so that disposing the container closes the connection.
        builder.Services.TryAddSingleton(_ => new RedisConnection(redisConfiguration));
        builder.Services.AddStackExchangeRedisCache(static _ => { });
        builder.Services.AddOptions<RedisCacheOptions>()
            .Configure<RedisConnection>(static (options, connection) => options.ConnectionMultiplexerFactory = connection.GetAsync);
        builder.Services.TryAddSingleton<ICelerDataTokenLock>(provider => new RedisTokenLock(provider.GetRequiredService<RedisConnection>()));
        return builder.AddCelerDataDistributedTokenCache(configure);
    }

    /// <summary>
    /// Shares the client's tokens through the registered <see cref="IDistributedCache"/>, which must be registered
    /// (for example with <c>AddStackExchangeRedisCache</c>). With an <see cref="ICelerDataTokenLock"/> registered, one
    /// process of the fleet fetches each token; without one, each process still fetches at most one at a time.
    /// Entries are keyed and encrypted with keys derived from the client secret (HKDF-SHA256, AES-256-GCM).
    /// When the cache fails, each process fetches its own tokens and logs a warning.
    /// </summary>
    /// <param name="builder">The builder that <c>AddCelerDataClient</c> (or the generated <c>Add{Client}Client</c>) returned.</param>
    /// <param name="configure">Adjusts the sharing options.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddCelerDataDistributedTokenCache(
        this IHttpClientBuilder builder,
        Action<CelerDataDistributedTokenCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new CelerDataDistributedTokenCacheOptions();
        configure?.Invoke(options);
        options.Validate();
        builder.Services.TryAddKeyedSingleton(builder.Name, (provider, _) => new DistributedTokenStore(
            provider.GetRequiredService<IDistributedCache>(),
            provider.GetService<ICelerDataTokenLock>(),
            options.Clone()));
        return builder;
    }
}

using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CelerData.Generated.Runtime;

/// <summary>Shares a client's access token through Redis between every process that uses the same base address and credentials.</summary>
public static class CelerDataRedisTokenCacheExtensions
{
    /// <summary>
    /// Shares the client's tokens through Redis, on a connection of this package's own (one per configuration string
    /// and container, closed with the container): only one process of the fleet fetches each token, holding a lock
    /// that is renewed while its fetch runs, and the others take the token it publishes. Nothing the application
    /// registers (its <c>IDistributedCache</c>, <c>RedisCacheOptions</c> or connections) is used or changed.
    /// </summary>
    /// <param name="builder">The builder that <c>AddCelerDataClient</c> (or the generated <c>Add{Client}Client</c>) returned.</param>
    /// <param name="redisConfiguration">A StackExchange.Redis configuration string, such as <c>127.0.0.1:6379</c>.</param>
    /// <param name="configure">Adjusts the sharing options.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddCelerDataRedisTokenCache(
        this IHttpClientBuilder builder,
        string redisConfiguration,
        Action<CelerDataDistributedTokenCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(redisConfiguration);
        builder.Services.TryAddKeyedSingleton(redisConfiguration, static (_, key) => new Redis.RedisConnection((string)key!));
        return builder.AddCelerDataDistributedTokenCache(
            provider => new Redis.RedisTokenStore(provider.GetRequiredKeyedService<Redis.RedisConnection>(redisConfiguration)),
            provider => new Redis.RedisTokenLock(provider.GetRequiredKeyedService<Redis.RedisConnection>(redisConfiguration)),
            configure);
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace CelerData.Generated.Runtime.Redis;

/// <summary>
/// The token entries on the package's own connection, as the runtime's shared token cache reads and writes them:
/// get, set with an absolute expiry, remove. Never registered as the application's <see cref="IDistributedCache"/>.
/// </summary>
internal sealed class RedisTokenStore : IDistributedCache
{
    private readonly RedisConnection _connection;

    public RedisTokenStore(RedisConnection connection)
    {
        _connection = connection;
    }

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var database = await DatabaseAsync(token).ConfigureAwait(false);
        return (byte[]?)await database.StringGetAsync(key).WaitAsync(token).ConfigureAwait(false);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var expiry = options.AbsoluteExpirationRelativeToNow
            ?? (options.AbsoluteExpiration is { } at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null)
            ?? options.SlidingExpiration;
        var database = await DatabaseAsync(token).ConfigureAwait(false);
        await database.StringSetAsync(key, value, expiry).WaitAsync(token).ConfigureAwait(false);
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        var database = await DatabaseAsync(token).ConfigureAwait(false);
        await database.KeyDeleteAsync(key).WaitAsync(token).ConfigureAwait(false);
    }

    private async Task<IDatabase> DatabaseAsync(CancellationToken token) =>
        (await _connection.GetAsync().WaitAsync(token).ConfigureAwait(false)).GetDatabase();
}

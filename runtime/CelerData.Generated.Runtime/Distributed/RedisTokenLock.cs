using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace CelerData.Generated.Runtime;

/// <summary>
/// <see cref="ICelerDataTokenLock"/> on Redis: <c>SET key owner NX PX expiry</c> takes it; a script that deletes the key
/// only while it still holds this owner's random value releases it, so a lock that expired and was taken by
/// another process is never released by the first.
/// </summary>
public sealed class RedisTokenLock : ICelerDataTokenLock
{
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private readonly RedisConnection _connection;

    /// <summary>Creates the lock over a shared connection.</summary>
    /// <param name="connection">The Redis connection.</param>
    public RedisTokenLock(RedisConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    /// <inheritdoc/>
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var database = (await _connection.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).GetDatabase();
        var owner = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var taken = await database.StringSetAsync(key, owner, expiry, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
        return taken ? new Handle(database, key, owner) : null;
    }

    private sealed class Handle(IDatabase database, string key, string owner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await database.ScriptEvaluateAsync(ReleaseScript, [key], [owner]).ConfigureAwait(false);
    }
}

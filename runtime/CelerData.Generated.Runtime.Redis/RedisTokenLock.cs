using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace CelerData.Generated.Runtime.Redis;

/// <summary>
/// <see cref="ICelerDataTokenLock"/> on Redis: <c>SET key owner NX PX expiry</c> takes it; while it is held, the
/// handle extends it every third of the expiry (only while it still holds this owner's random value), so a fetch
/// longer than the expiry keeps it; a script that deletes the key only while it holds this owner's value releases
/// it, so a lock that expired and was taken by another process is never released by the first. The expiry bounds
/// only how long a process that died keeps the others waiting.
/// </summary>
internal sealed class RedisTokenLock : ICelerDataTokenLock
{
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private const string RenewScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private readonly RedisConnection _connection;

    public RedisTokenLock(RedisConnection connection)
    {
        _connection = connection;
    }

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var database = (await _connection.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).GetDatabase();
        var owner = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var taken = await database.StringSetAsync(key, owner, expiry, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
        return taken ? new Handle(database, key, owner, expiry) : null;
    }

    private sealed class Handle : IAsyncDisposable
    {
        private readonly IDatabase _database;
        private readonly RedisKey _key;
        private readonly RedisValue _owner;
        private readonly CancellationTokenSource _held = new();
        private readonly Task _renewing;

        public Handle(IDatabase database, string key, string owner, TimeSpan expiry)
        {
            _database = database;
            _key = key;
            _owner = owner;
            _renewing = RenewAsync(expiry);
        }

        public async ValueTask DisposeAsync()
        {
            await _held.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            _held.Dispose();
            await _database.ScriptEvaluateAsync(ReleaseScript, [_key], [_owner]).ConfigureAwait(false);
        }

        private async Task RenewAsync(TimeSpan expiry)
        {
            var period = TimeSpan.FromTicks(Math.Max(expiry.Ticks / 3, TimeSpan.FromMilliseconds(10).Ticks));
            var milliseconds = (long)expiry.TotalMilliseconds;
            try
            {
                while (true)
                {
                    await Task.Delay(period, _held.Token).ConfigureAwait(false);
                    var renewed = (long)await _database.ScriptEvaluateAsync(RenewScript, [_key], [_owner, milliseconds]).ConfigureAwait(false);
                    if (renewed == 0)
                    {
                        // Lost (expired while Redis was unreachable, and taken by another process): nothing to renew.
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Released.
            }
            catch (RedisException)
            {
                // Redis is unreachable: the lock expires by itself; the fetch goes on.
            }
        }
    }
}

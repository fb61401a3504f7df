using System;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace CelerData.Generated.Runtime.Redis;

/// <summary>
/// The package's own Redis connection, shared by its token store and lock (never the application's). Connects on first use and never
/// aborts on a failed connect: while Redis is down, commands fail and the client falls back to its own fetches,
/// and once Redis is back the connection recovers by itself.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    /// <summary>Creates the connection; nothing is sent until it is first used.</summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, such as <c>127.0.0.1:6379</c>.</param>
    public RedisConnection(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        _connection = new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false));
    }

    /// <summary>The connection, once connected (or connecting in the background).</summary>
    /// <returns>The multiplexer.</returns>
    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>Closes the connection if it was opened.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Closes the connection if it was opened.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}

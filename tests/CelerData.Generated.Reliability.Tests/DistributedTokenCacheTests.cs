using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Reliability.Tests.Infrastructure;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reliability.Cloud;
using Xunit;

namespace CelerData.Generated.Reliability.Tests;

/// <summary>
/// The shared token cache in one process, each service provider standing in for a process of its own (its own
/// HybridCache memory, token cache and Redis connection), against a real redis-server.
/// </summary>
public sealed class DistributedTokenCacheTests
{
    [Fact]
    public async Task Only_holders_of_the_same_credentials_share_a_token()
    {
        await using var redis = await RedisServer.StartAsync();
        var options = new EmulatorOptions { RateLimitPerMinute = 0 };
        options.Clients.Add(new EmulatorClient("first-client", "FirstSecret0123456789abcdefABCDEF0123456"));
        options.Clients.Add(new EmulatorClient("second-client", "SecondSecret0123456789abcdefABCDEF012345"));
        options.Clients.Add(new EmulatorClient("first-client-twin", "FirstSecret0123456789abcdefABCDEF0123456"));
        await using var emulator = await CelerDataEmulator.StartAsync(options);
        var prefix = "celerdata:test:" + Guid.NewGuid().ToString("N") + ":";

        var members = new List<ServiceProvider>();
        foreach (var client in new[] { options.Clients[0], options.Clients[0], options.Clients[1], options.Clients[1], options.Clients[2] })
        {
            members.Add(Member(emulator, redis.Configuration, client, prefix, logs: null));
        }

        foreach (var member in members)
        {
            Assert.NotEmpty((await member.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync()).List);
        }

        Assert.Equal(1, emulator.Stats.ForClient("first-client").TokenRequests);
        Assert.Equal(1, emulator.Stats.ForClient("second-client").TokenRequests);
        Assert.Equal(1, emulator.Stats.ForClient("first-client-twin").TokenRequests);
        foreach (var member in members)
        {
            await member.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_redis_stops_members_fetch_their_own_tokens_and_share_again_once_it_is_back()
    {
        var port = RedisServer.FreePort();
        await using var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });
        var configuration = "127.0.0.1:" + port;
        var prefix = "celerdata:test:" + Guid.NewGuid().ToString("N") + ":";
        using var logs = new CapturingLoggerProvider();
        var clientId = emulator.Client.ClientId;

        await using (await RedisServer.StartAsync(port))
        {
            await using var first = Member(emulator, configuration, emulator.Client, prefix, logs);
            await using var second = Member(emulator, configuration, emulator.Client, prefix, logs);
            await first.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync();
            await second.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync();
            Assert.True(emulator.Stats.ForClient(clientId).TokenRequests == 1, string.Join("\n", logs.Lines));
        }

        await using (var third = Member(emulator, configuration, emulator.Client, prefix, logs))
        await using (var fourth = Member(emulator, configuration, emulator.Client, prefix, logs))
        {
            Assert.NotEmpty((await third.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync()).List);
            Assert.NotEmpty((await fourth.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync()).List);
            Assert.Equal(3, emulator.Stats.ForClient(clientId).TokenRequests);
            Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("the shared token cache failed", StringComparison.Ordinal));
        }

        await using (await RedisServer.StartAsync(port))
        {
            await using var fifth = Member(emulator, configuration, emulator.Client, prefix, logs);
            await using var sixth = Member(emulator, configuration, emulator.Client, prefix, logs);
            await fifth.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync();
            await sixth.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync();
            Assert.Equal(4, emulator.Stats.ForClient(clientId).TokenRequests);
        }

        Assert.DoesNotContain(logs.Lines, line => line.Contains(emulator.Client.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_redis_token_cache_never_touches_the_applications_distributed_cache()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });
        var appCache = new RecordingCache();
        var services = new ServiceCollection();
        services.AddSingleton<IDistributedCache>(appCache);
        services.AddCelerDataCloudClient(options =>
            {
                options.ClientId = emulator.Client.ClientId;
                options.ClientSecret = emulator.Client.ClientSecret;
                options.BaseAddress = emulator.BaseAddress;
            })
            .AddCelerDataRedisTokenCache(redis.Configuration, options => options.KeyPrefix = "celerdata:test:" + Guid.NewGuid().ToString("N") + ":");
        Assert.DoesNotContain(services, d => d.ServiceType.Namespace?.Contains("StackExchangeRedis", StringComparison.Ordinal) == true);
        await using var provider = services.BuildServiceProvider();

        Assert.NotEmpty((await provider.GetRequiredService<ICelerDataCloudApi>().ListClustersAsync()).List);

        Assert.Same(appCache, provider.GetRequiredService<IDistributedCache>());
        Assert.Equal(0, appCache.Calls);
        Assert.Single(services, d => d.ServiceType == typeof(IDistributedCache));
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        Assert.NotEmpty(connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "celerdata:test:*"));
    }

    [Fact]
    public void The_core_runtime_does_not_reference_StackExchange_Redis()
    {
        Assert.DoesNotContain(typeof(CelerDataTokenCache).Assembly.GetReferencedAssemblies(), a => a.Name!.Contains("Redis", StringComparison.Ordinal));
        Assert.Contains(typeof(CelerDataRedisTokenCacheExtensions).Assembly.GetReferencedAssemblies(), a => a.Name == "StackExchange.Redis");
    }

    /// <summary>An application's own distributed cache, counting every call.</summary>
    private sealed class RecordingCache : IDistributedCache
    {
        private int _calls;

        public int Calls => _calls;

        public byte[]? Get(string key) => Count<byte[]?>(null);

        public Task<byte[]?> GetAsync(string key, System.Threading.CancellationToken token = default) => Task.FromResult(Count<byte[]?>(null));

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Count(0);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, System.Threading.CancellationToken token = default) => Task.FromResult(Count(0));

        public void Refresh(string key) => Count(0);

        public Task RefreshAsync(string key, System.Threading.CancellationToken token = default) => Task.FromResult(Count(0));

        public void Remove(string key) => Count(0);

        public Task RemoveAsync(string key, System.Threading.CancellationToken token = default) => Task.FromResult(Count(0));

        private T Count<T>(T value)
        {
            System.Threading.Interlocked.Increment(ref _calls);
            return value;
        }
    }

    private static ServiceProvider Member(CelerDataEmulator emulator, string redis, EmulatorClient client, string prefix, CapturingLoggerProvider? logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        services.AddCelerDataCloudClient(options =>
            {
                options.ClientId = client.ClientId;
                options.ClientSecret = client.ClientSecret;
                options.BaseAddress = emulator.BaseAddress;
            })
            .AddCelerDataRedisTokenCache(redis, options =>
            {
                options.KeyPrefix = prefix;
                options.StoreTimeout = TimeSpan.FromSeconds(3);
            });
        return services.BuildServiceProvider();
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Reliability.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;

namespace CelerData.Generated.Reliability.Tests;

/// <summary>
/// Several client processes (tools/CelerData.FleetClient) with the same credentials share one token through a real
/// redis-server on loopback: the emulator, in this process, counts the token requests of the whole fleet.
/// </summary>
public sealed class FleetTokenSharingTests(ITestOutputHelper output)
{
    private const string ClientId = "fleet-client";
    private const string Secret = "FleetSecret0123456789abcdefABCDEF01234567";

    [Fact]
    public async Task Eight_processes_starting_at_once_make_exactly_one_token_fetch_and_store_it_encrypted()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await StartEmulatorAsync(expiresInSeconds: 3600);
        var startAt = DateTimeOffset.UtcNow.AddSeconds(6).ToUnixTimeMilliseconds();

        var results = await FleetProcess.RunAsync(8, ClientId, Secret, Arguments(emulator, redis.Configuration, startAt, "--calls", "10"), TimeSpan.FromSeconds(90));

        Report(results);
        Assert.All(results, r => Assert.True(r.ExitCode == 0 && r.Output.Contains("calls=10 errors=0", StringComparison.Ordinal), r.Output + r.Errors));
        var stats = emulator.Stats.ForClient(ClientId);
        output.WriteLine($"token requests: {stats.TokenRequests}, API requests: {stats.ApiRequests}");
        Assert.Equal(1, stats.TokenRequests);
        Assert.Equal(80, stats.ApiRequests);
        AssertNoUnauthenticatedRequests(emulator);
        AssertNoSecretsIn(results);
        await AssertEntriesAreOpaqueAsync(redis);
    }

    [Fact]
    public async Task A_fleet_running_through_several_token_lifetimes_makes_one_fetch_per_lifetime()
    {
        await using var redis = await RedisServer.StartAsync();
        const int lifetime = 6;
        const int margin = 2;
        await using var emulator = await StartEmulatorAsync(expiresInSeconds: lifetime);
        var startAt = DateTimeOffset.UtcNow.AddSeconds(5);
        var samples = new List<(DateTimeOffset At, long TokenRequests)>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            long last = -1;
            while (!sampling.IsCancellationRequested)
            {
                var count = emulator.Stats.ForClient(ClientId).TokenRequests;
                if (count != last)
                {
                    samples.Add((DateTimeOffset.UtcNow, count));
                    last = count;
                }

                await Task.Delay(20);
            }
        });

        var results = await FleetProcess.RunAsync(4, ClientId, Secret, Arguments(emulator, redis.Configuration, startAt.ToUnixTimeMilliseconds(), "--seconds", "14", "--margin", margin.ToString(CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(90));
        await sampling.CancelAsync();
        await sampler;

        Report(results);
        Assert.All(results, r => Assert.True(r.ExitCode == 0 && r.Output.Contains(" errors=0", StringComparison.Ordinal), r.Output + r.Errors));
        var fetches = samples.Where(s => s.TokenRequests > 0).ToList();
        output.WriteLine("token requests over time: " + string.Join(", ", fetches.Select(s => (s.At - startAt).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + "s=" + s.TokenRequests)));
        var total = emulator.Stats.ForClient(ClientId).TokenRequests;
        var window = lifetime - margin;
        var windows = (int)Math.Ceiling(14.0 / window);
        Assert.InRange(total, windows - 1, windows + 1);

        // Each fetch is a step of one, and the steps are about a window apart (less the fetch latency, which a loaded
        // machine stretches): two processes fetching in one window would show as a step of two, or steps close together.
        for (var i = 1; i < fetches.Count; i++)
        {
            Assert.Equal(fetches[i - 1].TokenRequests + 1, fetches[i].TokenRequests);
            Assert.True(fetches[i].At - fetches[i - 1].At > TimeSpan.FromSeconds(window / 2.0), "two fetches within one lifetime window: " + string.Join(", ", fetches));
        }

        AssertNoUnauthenticatedRequests(emulator);
    }

    [Fact]
    public async Task Six_processes_and_a_token_endpoint_slower_than_the_lock_expiry_make_one_token_request()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await StartEmulatorAsync(expiresInSeconds: 3600);
        emulator.SetFaults(new EmulatorFaultOptions { Latency = TimeSpan.FromSeconds(8), Scope = EmulatorFaultScope.Token });
        var startAt = DateTimeOffset.UtcNow.AddSeconds(6).ToUnixTimeMilliseconds();

        // The lock lasts 1.5 s without renewal; the fetch takes 8 s: only renewal keeps the other five waiting for it.
        var results = await FleetProcess.RunAsync(6, ClientId, Secret, Arguments(emulator, redis.Configuration, startAt, "--calls", "3", "--lock-expiry", "1.5", "--fetch-timeout", "40"), TimeSpan.FromSeconds(120));

        Report(results);
        Assert.All(results, r => Assert.True(r.ExitCode == 0 && r.Output.Contains("calls=3 errors=0", StringComparison.Ordinal), r.Output + r.Errors));
        Assert.Equal(1, emulator.Stats.ForClient(ClientId).TokenRequests);
        Assert.Equal(18, emulator.Stats.ForClient(ClientId).ApiRequests);
        AssertNoSecretsIn(results);
    }

    [Fact]
    public async Task A_fleet_with_refused_credentials_backs_off_together()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await StartEmulatorAsync(expiresInSeconds: 3600);
        var startAt = DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds();

        var results = await FleetProcess.RunAsync(4, ClientId, "WrongSecret0123456789abcdefABCDEF0123456", Arguments(emulator, redis.Configuration, startAt, "--seconds", "6"), TimeSpan.FromSeconds(90));

        Report(results);
        var calls = results.Sum(r => int.Parse(Regex.Match(r.Output, "calls=([0-9]+)").Groups[1].Value, CultureInfo.InvariantCulture));
        var stats = emulator.Stats;
        var tokenRequests = stats.ForClient(ClientId).TokenRequests + stats.ForClient(EmulatorStats.UnknownClient).TokenRequests + stats.ForClient(EmulatorStats.AnonymousClient).TokenRequests;
        output.WriteLine($"{calls} calls, {tokenRequests} token requests");
        Assert.All(results, r => Assert.Contains("CelerDataInvalidCredentialsException", r.Errors, StringComparison.Ordinal));

        // Refusals at about 0, 1, 3 s (and 7 s, past the run) for the whole fleet; each process alone would make 3 or 4.
        Assert.InRange(tokenRequests, 1, 6);
        Assert.True(calls > 100, "calls: " + calls);
        Assert.Equal(0, stats.ForClient(ClientId).ApiRequests + stats.ForClient(EmulatorStats.UnknownClient).ApiRequests);
    }

    [Fact]
    public async Task With_redis_down_each_process_fetches_its_own_token_warns_and_loses_no_call()
    {
        await using var emulator = await StartEmulatorAsync(expiresInSeconds: 3600);
        var downRedis = "127.0.0.1:" + RedisServer.FreePort().ToString(CultureInfo.InvariantCulture) + ",connectTimeout=500";

        var results = await FleetProcess.RunAsync(3, ClientId, Secret, Arguments(emulator, downRedis, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "--calls", "5"), TimeSpan.FromSeconds(90));

        Report(results);
        Assert.All(results, r =>
        {
            Assert.True(r.ExitCode == 0 && r.Output.Contains("calls=5 errors=0", StringComparison.Ordinal), r.Output + r.Errors);
            Assert.Contains("the shared token cache failed", r.Errors, StringComparison.Ordinal);
        });
        Assert.Equal(3, emulator.Stats.ForClient(ClientId).TokenRequests);
        Assert.Equal(15, emulator.Stats.ForClient(ClientId).ApiRequests);
        AssertNoSecretsIn(results);
    }

    private static async Task<CelerDataEmulator> StartEmulatorAsync(int expiresInSeconds)
    {
        var options = new EmulatorOptions { ExpiresInSeconds = expiresInSeconds, RateLimitPerMinute = 0 };
        options.Clients.Add(new EmulatorClient(ClientId, Secret));
        return await CelerDataEmulator.StartAsync(options);
    }

    private static List<string> Arguments(CelerDataEmulator emulator, string redis, long startAt, params string[] more) =>
    [
        "--base-address", emulator.BaseAddress.ToString(),
        "--redis", redis,
        "--start-at", startAt.ToString(CultureInfo.InvariantCulture),
        "--key-prefix", "celerdata:test:" + Guid.NewGuid().ToString("N") + ":",
        .. more,
    ];

    private void Report(IReadOnlyList<FleetResult> results)
    {
        foreach (var (result, i) in results.Select((r, i) => (r, i)))
        {
            output.WriteLine($"process {i}: exit {result.ExitCode}, {result.Output.Trim()}");
        }
    }

    private static void AssertNoUnauthenticatedRequests(CelerDataEmulator emulator)
    {
        var stats = emulator.Stats;
        Assert.Equal(0, stats.ForClient(EmulatorStats.AnonymousClient).ApiRequests + stats.ForClient(EmulatorStats.UnknownClient).ApiRequests);
    }

    private static void AssertNoSecretsIn(IReadOnlyList<FleetResult> results)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + Secret));
        Assert.All(results, r =>
        {
            Assert.DoesNotContain(Secret, r.Output + r.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain(basic, r.Output + r.Errors, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex("[A-Z0-9]{48}"), r.Output + r.Errors);
        });
    }

    /// <summary>Neither keys nor values in Redis show the client ID, the secret or an access token (48 characters of [A-Z0-9]).</summary>
    private static async Task AssertEntriesAreOpaqueAsync(RedisServer redis)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var database = connection.GetDatabase();
        var keys = server.Keys(pattern: "*").ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var name = key.ToString();
            Assert.DoesNotContain(ClientId, name, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, name, StringComparison.Ordinal);
            var values = await database.KeyTypeAsync(key) == RedisType.Hash
                ? (await database.HashGetAllAsync(key)).Select(e => (byte[])e.Value!).ToList()
                : [(byte[])(await database.StringGetAsync(key))!];
            foreach (var value in values.Where(v => v is not null))
            {
                var text = Encoding.Latin1.GetString(value);
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.DoesNotMatch(new Regex("[A-Z0-9]{48}"), text);
            }
        }
    }
}

using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using CelerData.Generated.Benchmarks.Cloud;
using CelerData.Generated.Benchmarks.Shared;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.Time.Testing;
using Refit;

namespace CelerData.Generated.Benchmarks.Contention;

/// <summary>How the cache is found when the callers arrive.</summary>
public enum CacheState
{
    /// <summary>No token: the first caller's fetch is the one every caller waits for.</summary>
    Cold,

    /// <summary>A token past its refresh time but not yet expired: due for refresh.</summary>
    Expiring,
}

/// <summary>
/// N callers who each need a token at once: through the runtime's token cache, or, as the baseline, each
/// calling the generated token operation itself. Time is a <see cref="FakeTimeProvider"/>, moved on before
/// every round so that the token is due and the token limiter (600 a minute) never makes a round wait.
/// </summary>
public sealed class ContentionRig : IDisposable
{
    /// <summary>Within the refresh window of a 3,600 s token (the default margin is 360 s): refresh is due, expiry is not.</summary>
    private static readonly TimeSpan IntoRefreshWindow = TimeSpan.FromSeconds(3420);
    private static readonly TimeSpan PastLimiterWindow = TimeSpan.FromSeconds(61);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddYears(56));
    private readonly CannedTokenHandler _cacheEndpoint;
    private readonly CannedTokenHandler _directEndpoint;
    private readonly CelerDataClient<ICelerDataCloudApi> _client;
    private readonly HttpClient _directHttp;
    private readonly ICelerDataCloudApi _direct;
    private readonly CacheState _state;

    /// <param name="state">How the cache is found by each round's callers.</param>
    /// <param name="endpointLatency">How long the in-memory token endpoint takes to answer.</param>
    public ContentionRig(CacheState state, TimeSpan endpointLatency = default)
    {
        _state = state;
        _cacheEndpoint = new CannedTokenHandler(endpointLatency);
        _directEndpoint = new CannedTokenHandler(endpointLatency);
        _client = RuntimeClients.Create(_cacheEndpoint, _time);
        _directHttp = new HttpClient(_directEndpoint) { BaseAddress = CannedToken.BaseAddress };
        _direct = RestService.ForGenerated<ICelerDataCloudApi>(_directHttp, CelerDataCloudJsonContext.Default);
        if (state == CacheState.Expiring)
        {
            _client.TokenCache!.GetAccessTokenAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public int CacheFetches => _cacheEndpoint.Requests;

    public int DirectFetches => _directEndpoint.Requests;

    /// <summary>Puts the cache in <see cref="CacheState"/> for the next round.</summary>
    public void Prepare()
    {
        if (_state == CacheState.Cold)
        {
            _client.TokenCache!.Clear();
            _time.Advance(PastLimiterWindow);
        }
        else
        {
            _time.Advance(IntoRefreshWindow);
        }
    }

    /// <summary>Runs <paramref name="callers"/> callers on the thread pool at once; fills <paramref name="latencies"/> (ticks) when given.</summary>
    public Task CacheRoundAsync(int callers, long[]? latencies = null)
    {
        Prepare();
        var cache = _client.TokenCache!;
        return RoundAsync(callers, latencies, async () => await cache.GetAccessTokenAsync().ConfigureAwait(false));
    }

    public Task DirectRoundAsync(int callers, long[]? latencies = null)
        => RoundAsync(callers, latencies, async () => await _direct.CreateAccessTokenAsync().ConfigureAwait(false));

    public void ResetCounts()
    {
        _cacheEndpoint.ResetCount();
        _directEndpoint.ResetCount();
    }

    public void Dispose()
    {
        _client.Dispose();
        _directHttp.Dispose();
    }

    private static Task RoundAsync(int callers, long[]? latencies, Func<Task> call)
    {
        var tasks = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await call().ConfigureAwait(false);
                if (latencies is not null)
                {
                    latencies[index] = Stopwatch.GetTimestamp() - started;
                }
            });
        }

        return Task.WhenAll(tasks);
    }
}

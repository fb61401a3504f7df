using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class TokenCacheTests
{
    private readonly FakeTimeProvider _time = new();
    private int _fetches;

    private int _failFetch;

    private CelerDataTokenCache Cache(long expiresIn = 3600, TimeSpan? margin = null) => new(
        "Test",
        _ =>
        {
            var n = Interlocked.Increment(ref _fetches);
            return n == _failFetch
                ? Task.FromException<TokenEndpointResponse>(new CelerDataServerErrorException("Test", System.Net.HttpStatusCode.ServiceUnavailable))
                : Task.FromResult(new TokenEndpointResponse("token-" + n, expiresIn, null, "Bearer"));
        },
        _time,
        margin,
        NullLogger.Instance);

    /// <summary>A refresh runs in the background; waits (in real time, briefly) until the cache hands out another token.</summary>
    private static async Task<CelerDataAccessToken> NextTokenAsync(CelerDataTokenCache cache, CelerDataAccessToken previous)
    {
        for (var i = 0; i < 500; i++)
        {
            var token = await cache.GetAccessTokenAsync();
            if (!ReferenceEquals(token, previous))
            {
                return token;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The background refresh never delivered a new token.");
    }

    [Fact]
    public async Task Token_is_reused_until_the_default_margin_of_ten_percent()
    {
        using var cache = Cache(expiresIn: 3600);
        var first = await cache.GetAccessTokenAsync();
        Assert.Equal(_time.GetUtcNow().AddSeconds(3600), first.ExpiresAt);
        Assert.Equal(first.ExpiresAt.AddSeconds(-360), first.RefreshAt);

        _time.Advance(TimeSpan.FromSeconds(3239));
        Assert.Same(first, await cache.GetAccessTokenAsync());
        Assert.Equal(1, _fetches);

        // Due for refresh: the current token is still valid, so it is handed out while one refresh runs.
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(first, await cache.GetAccessTokenAsync());
        var second = await NextTokenAsync(cache, first);
        Assert.Equal("token-2", second.Value);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task Close_to_expiry_callers_wait_for_the_new_token()
    {
        using var cache = Cache(expiresIn: 3600);
        var first = await cache.GetAccessTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(3600) - CelerDataTokenCache.ExpiryGuard + TimeSpan.FromSeconds(1));

        var second = await cache.GetAccessTokenAsync();

        Assert.NotSame(first, second);
        Assert.Equal("token-2", second.Value);
    }

    [Fact]
    public async Task A_failed_background_refresh_keeps_the_current_token_and_the_next_caller_retries()
    {
        using var cache = Cache(expiresIn: 3600);
        _failFetch = 2;
        var first = await cache.GetAccessTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(3300));

        Assert.Same(first, await cache.GetAccessTokenAsync());
        for (var i = 0; i < 500 && Volatile.Read(ref _fetches) < 2; i++)
        {
            await Task.Delay(10);
        }

        Assert.Same(first, await cache.GetAccessTokenAsync());
        var third = await NextTokenAsync(cache, first);
        Assert.Equal("token-3", third.Value);
    }

    [Theory]
    [InlineData(3600, null, 360)]
    [InlineData(120, null, 30)]
    [InlineData(20, null, 10)]
    [InlineData(3600, 600, 600)]
    [InlineData(3600, 0, 0)]
    [InlineData(100, 90, 50)]
    public void Refresh_margin_is_max_of_30s_and_10_percent_or_configured_capped_at_half(long lifetime, int? configured, int expected)
    {
        var margin = TokenResponseValidator.RefreshMargin(
            TimeSpan.FromSeconds(lifetime),
            configured is null ? null : TimeSpan.FromSeconds(configured.Value));
        Assert.Equal(TimeSpan.FromSeconds(expected), margin);
    }

    [Fact]
    public async Task Configured_margin_moves_the_refresh()
    {
        using var cache = Cache(expiresIn: 3600, margin: TimeSpan.FromSeconds(60));
        await cache.GetAccessTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(3539));
        await cache.GetAccessTokenAsync();
        Assert.Equal(1, _fetches);
        _time.Advance(TimeSpan.FromSeconds(1));
        var first = await cache.GetAccessTokenAsync();
        Assert.Equal("token-2", (await NextTokenAsync(cache, first)).Value);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task Invalidate_drops_only_the_current_token()
    {
        using var cache = Cache();
        var first = await cache.GetAccessTokenAsync();
        await cache.InvalidateAsync(first);
        var second = await cache.GetAccessTokenAsync();
        Assert.Equal("token-2", second.Value);
        await cache.InvalidateAsync(first);
        Assert.Same(second, await cache.GetAccessTokenAsync());
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task Clear_forces_a_new_fetch()
    {
        using var cache = Cache();
        await cache.GetAccessTokenAsync();
        cache.Clear();
        await cache.GetAccessTokenAsync();
        Assert.Equal(2, _fetches);
    }
}

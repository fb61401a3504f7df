using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CelerData.Emulator.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_limit_token_requests_get_429_with_Retry_After_until_the_minute_passes()
    {
        var time = new FakeTimeProvider();
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 5, TimeProvider = time });
        for (var i = 0; i < 5; i++)
        {
            using var allowed = await session.RequestTokenAsync();
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using (var limited = await session.RequestTokenAsync())
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        }

        time.Advance(TimeSpan.FromSeconds(45));
        using (var stillLimited = await session.RequestTokenAsync())
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(15), stillLimited.Headers.RetryAfter?.Delta);
        }

        time.Advance(TimeSpan.FromSeconds(15));
        using var recovered = await session.RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_per_client()
    {
        var other = new EmulatorClient("other", "other-secret");
        var options = new EmulatorOptions { RateLimitPerMinute = 2, TimeProvider = new FakeTimeProvider() };
        options.Clients.Add(EmulatorClient.Demo);
        options.Clients.Add(other);
        await using var session = await EmulatorSession.StartAsync(options);
        for (var i = 0; i < 2; i++)
        {
            (await session.RequestTokenAsync()).Dispose();
        }

        using var demo = await session.RequestTokenAsync();
        using var otherResponse = await session.RequestTokenAsync(other);

        Assert.Equal(HttpStatusCode.TooManyRequests, demo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    [Fact]
    public async Task The_default_limit_is_600_a_minute()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = new FakeTimeProvider() });

        var statuses = new HttpStatusCode[601];
        for (var i = 0; i < statuses.Length; i++)
        {
            using var response = await session.RequestTokenAsync();
            statuses[i] = response.StatusCode;
        }

        Assert.All(statuses.Take(600), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[600]);
    }

    [Fact]
    public async Task Bearer_endpoints_are_limited_too()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 3, TimeProvider = new FakeTimeProvider() });
        var (accessToken, _, _) = await session.GetTokenAsync();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await session.GetWithBearerAsync("api/1.0/clusters", accessToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_limit_of_zero_turns_limiting_off()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });

        for (var i = 0; i < 30; i++)
        {
            using var response = await session.RequestTokenAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Reset_reopens_the_window()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorOptions { RateLimitPerMinute = 1, TimeProvider = new FakeTimeProvider() });
        (await session.RequestTokenAsync()).Dispose();
        using (var limited = await session.RequestTokenAsync())
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        session.Emulator.Reset();

        using var allowed = await session.RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}

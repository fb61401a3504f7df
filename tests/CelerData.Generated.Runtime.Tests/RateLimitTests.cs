using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class RateLimitTests
{
    /// <summary>
    /// Waits (real time) until the first request has reached the stub, then a moment for the client to start its wait:
    /// on a loaded machine a fixed 50 ms was not always enough, and the clock then moved before the 429 was answered.
    /// </summary>
    private static async Task FirstCallAsync(Func<int> calls)
    {
        for (var i = 0; i < 500 && calls() == 0; i++)
        {
            await Task.Delay(10);
        }

        await Task.Delay(50);
    }

    private static HttpResponseMessage TooMany(Action<HttpResponseMessage>? retryAfter = null)
    {
        var response = StubHandler.Status(HttpStatusCode.TooManyRequests);
        retryAfter?.Invoke(response);
        return response;
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_before_the_retry()
    {
        using var test = new TestClient();
        test.Stub.Api = (n, _) => n == 1
            ? TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(5)))
            : StubHandler.Json("""{"code":20000}""");

        var call = test.Api.ListClustersAsync();
        await FirstCallAsync(() => test.Stub.ApiCalls);
        test.Time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50);
        Assert.Equal(1, test.Stub.ApiCalls);

        var result = await test.Drive(call, TimeSpan.FromMilliseconds(100));
        Assert.Equal(20000, result.Code);
        Assert.Equal(2, test.Stub.ApiCalls);
    }

    [Fact]
    public async Task Retry_after_as_http_date_is_waited_before_the_retry()
    {
        using var test = new TestClient();
        var retryAt = test.Time.GetUtcNow().AddSeconds(8);
        test.Stub.Token = n => n == 1
            ? TooMany(r => r.Headers.TryAddWithoutValidation("Retry-After", retryAt.ToString("r", CultureInfo.InvariantCulture)))
            : StubHandler.Json(Secrets.TokenJson());

        var call = test.Cache.GetAccessTokenAsync().AsTask();
        await FirstCallAsync(() => test.Stub.TokenCalls);
        test.Time.Advance(TimeSpan.FromSeconds(7.9));
        await Task.Delay(50);
        Assert.Equal(1, test.Stub.TokenCalls);

        var token = await test.Drive(call, TimeSpan.FromMilliseconds(100));
        Assert.Equal(Secrets.AccessToken, token.Value);
        Assert.Equal(2, test.Stub.TokenCalls);
        Assert.True(test.Time.GetUtcNow() >= retryAt);
    }

    [Fact]
    public async Task Retries_are_bounded_then_a_typed_exception_says_when_to_try_again()
    {
        using var test = new TestClient(o => o.MaxRateLimitRetries = 2);
        test.Stub.Api = (_, _) => TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(3)));

        var error = await Errors.Find<CelerDataRateLimitedException>(() => test.Drive(test.Api.ListClustersAsync(), TimeSpan.FromMilliseconds(250)));

        Assert.Equal(3, test.Stub.ApiCalls);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Equal(test.Time.GetUtcNow().AddSeconds(3), error.RetryAt, TimeSpan.FromSeconds(1));
        Assert.Contains("Try again after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_fails_at_once()
    {
        using var test = new TestClient();
        var now = test.Time.GetUtcNow();
        test.Stub.Token = _ => TooMany(r => r.Headers.RetryAfter = new(now.AddHours(1)));

        var error = await Assert.ThrowsAsync<CelerDataRateLimitedException>(() => test.Cache.GetAccessTokenAsync().AsTask());

        Assert.Equal(1, test.Stub.TokenCalls);
        Assert.Equal(now.AddHours(1), error.RetryAt);
    }

    [Fact]
    public async Task Client_side_limiter_holds_token_requests_to_the_per_minute_allowance()
    {
        // The fetch timeout runs on the same fake clock: allow the minute the limiter holds the third request.
        using var test = new TestClient(o => o.TokenFetchTimeout = TimeSpan.FromMinutes(5), tokenRequestsPerMinute: 2);
        for (var i = 0; i < 2; i++)
        {
            await test.Cache.GetAccessTokenAsync();
            test.Cache.Clear();
        }

        var third = test.Cache.GetAccessTokenAsync().AsTask();
        await Task.Delay(100);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, test.Stub.TokenCalls);
        Assert.True(test.Logs.HasEvent("TokenRequestThrottled"));

        test.Time.Advance(TimeSpan.FromSeconds(50));
        await Task.Delay(100);
        Assert.Equal(2, test.Stub.TokenCalls);

        await test.Drive(third, TimeSpan.FromSeconds(10));
        Assert.Equal(3, test.Stub.TokenCalls);
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>
/// Issue 12, items 7 to 10, over the wire: token responses and tokens are bounded; refused credentials back off
/// (1 s doubling to a minute) with the typed exception meanwhile; a far-future Retry-After fails at once.
/// </summary>
public sealed class TokenLimitsTests
{
    private static async Task<LoopbackServer> ServerAsync(Func<HttpContext, int, Task> token, Func<HttpContext, Task>? api = null)
    {
        var server = await LoopbackServer.StartAsync();
        var tokens = 0;
        server.Handle = (context, _) => context.Request.Path == "/api/1.0/token"
            ? token(context, System.Threading.Interlocked.Increment(ref tokens))
            : api?.Invoke(context) ?? context.Response.WriteAsync("""{"code":20000}""");
        return server;
    }

    private static int TokenRequests(LoopbackServer server) => server.Received.Count(r => r.PathAndQuery.StartsWith("/api/1.0/token", StringComparison.Ordinal));

    [Fact]
    public async Task A_20_MB_access_token_is_refused_typed_after_reading_at_most_64_KiB()
    {
        var huge = new string('A', 20 * 1024 * 1024);
        await using var server = await ServerAsync((context, _) => context.Response.WriteAsync(Secrets.TokenJson(huge)));
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options(server.BaseAddress));

        var error = await Errors.Find<CelerDataMalformedTokenResponseException>(() => client.Api.ListClustersAsync());

        Assert.Equal(MalformedTokenResponseReason.ResponseTooLarge, error.Reason);
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery == "/api/1.0/clusters");
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_bounded_too()
    {
        await using var server = await ServerAsync(async (context, _) =>
        {
            for (var i = 0; i < 200; i++)
            {
                await context.Response.WriteAsync(new string(' ', 1024));
                await context.Response.Body.FlushAsync();
            }
        });
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options(server.BaseAddress));

        var error = await Errors.Find<CelerDataMalformedTokenResponseException>(() => client.Api.ListClustersAsync());

        Assert.Equal(MalformedTokenResponseReason.ResponseTooLarge, error.Reason);
    }

    [Fact]
    public async Task An_access_token_longer_than_8192_characters_is_refused_typed()
    {
        await using var server = await ServerAsync((context, _) => context.Response.WriteAsync(Secrets.TokenJson(new string('A', 8193))));
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options(server.BaseAddress));

        var error = await Errors.Find<CelerDataMalformedTokenResponseException>(() => client.Api.ListClustersAsync());

        Assert.Equal(MalformedTokenResponseReason.AccessTokenTooLong, error.Reason);
        Assert.DoesNotContain(server.Received, r => r.PathAndQuery == "/api/1.0/clusters");
    }

    [Fact]
    public async Task A_token_of_8192_characters_is_accepted()
    {
        var token = new string('A', 8192);
        await using var server = await ServerAsync((context, _) => context.Response.WriteAsync(Secrets.TokenJson(token)));
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options(server.BaseAddress));

        Assert.Equal(20000, (await client.Api.ListClustersAsync()).Code);
        Assert.Equal("Bearer " + token, server.Received.Last().Authorization);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Refused_credentials_back_off_answering_typed_meanwhile_then_try_again(int status)
    {
        await using var server = await ServerAsync((context, n) =>
        {
            if (n >= 3)
            {
                return context.Response.WriteAsync(Secrets.TokenJson());
            }

            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options(server.BaseAddress));
        var expected = status == 400 ? typeof(CelerDataBadRequestException) : typeof(CelerDataInvalidCredentialsException);

        var stopwatch = Stopwatch.StartNew();
        var calls = 0;
        var firstFailure = TimeSpan.Zero;
        while (TokenRequests(server) < 3)
        {
            calls++;
            try
            {
                await client.Api.ListClustersAsync();
            }
            catch (Exception error)
            {
                var typed = await Errors.Find<CelerDataException>(() => Task.FromException(error));
                Assert.IsType(expected, typed);
                Assert.Equal((HttpStatusCode)status, typed.StatusCode);
            }

            if (TokenRequests(server) == 1 && firstFailure == TimeSpan.Zero)
            {
                firstFailure = stopwatch.Elapsed;
            }

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), "no token after " + stopwatch.Elapsed);
            await Task.Delay(20);
        }

        // Failures at about 0 s and 1 s, success after the next 2 s: three token requests among many calls.
        Assert.Equal(20000, (await client.Api.ListClustersAsync()).Code);
        Assert.Equal(3, TokenRequests(server));
        Assert.True(calls > 20, "calls: " + calls);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(100), "elapsed " + stopwatch.Elapsed);
    }

    [Fact]
    public void The_backoff_doubles_from_one_second_to_a_minute()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var fetches = 0;
        using var cache = new CelerDataTokenCache(
            "Test",
            _ =>
            {
                fetches++;
                return Task.FromException<TokenEndpointResponse>(new CelerDataInvalidCredentialsException("Test", HttpStatusCode.Unauthorized));
            },
            time,
            null,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var waits = new System.Collections.Generic.List<int>();
        Assert.ThrowsAny<CelerDataInvalidCredentialsException>(() => cache.GetAccessTokenAsync().AsTask().GetAwaiter().GetResult());
        Assert.Equal(1, fetches);
        for (var failure = 0; failure < 9; failure++)
        {
            var before = fetches;
            var seconds = 0;
            while (fetches == before)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                seconds++;
                Assert.ThrowsAny<CelerDataInvalidCredentialsException>(() => cache.GetAccessTokenAsync().AsTask().GetAwaiter().GetResult());
            }

            Assert.Equal(before + 1, fetches);
            waits.Add(seconds);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_32_bit_range_fails_at_once_typed()
    {
        await using var server = await ServerAsync(
            (context, _) => context.Response.WriteAsync(Secrets.TokenJson()),
            context =>
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "99999999999";
                return Task.CompletedTask;
            });
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), Secrets.Options(server.BaseAddress));
        var stopwatch = Stopwatch.StartNew();

        var error = await Errors.Find<CelerDataRateLimitedException>(() => client.Api.ListClustersAsync());

        Assert.Single(server.Received, r => r.PathAndQuery == "/api/1.0/clusters");
        Assert.True(error.RetryAfter >= TimeSpan.FromDays(365), error.RetryAfter.ToString());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }
}

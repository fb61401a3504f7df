using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Thousand_callers_on_a_cold_cache_make_exactly_one_fetch()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetches = 0;
        using var cache = new CelerDataTokenCache(
            "Test",
            async _ =>
            {
                Interlocked.Increment(ref fetches);
                await release.Task;
                return new TokenEndpointResponse("shared", 3600, null, "Bearer");
            },
            new FakeTimeProvider(),
            null,
            NullLogger.Instance);

        using var start = new ManualResetEventSlim();
        var callers = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await cache.GetAccessTokenAsync();
            }))
            .ToArray();
        start.Set();
        await Task.Delay(100);
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, fetches);
        Assert.All(tokens, t => Assert.Equal("shared", t.Value));
    }

    [Fact]
    public async Task Thousand_api_calls_through_the_pipeline_make_one_token_request()
    {
        using var test = new TestClient();
        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => test.Api.ListClustersAsync())).ToArray();
        await Task.WhenAll(calls);
        Assert.Equal(1, test.Stub.TokenCalls);
        Assert.Equal(1000, test.Stub.ApiCalls);
    }

    [Fact]
    public async Task One_callers_cancellation_does_not_cancel_the_fetch_for_the_others()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetchToken = CancellationToken.None;
        using var cache = new CelerDataTokenCache(
            "Test",
            async ct =>
            {
                fetchToken = ct;
                await release.Task;
                return new TokenEndpointResponse("shared", 3600, null, "Bearer");
            },
            new FakeTimeProvider(),
            null,
            NullLogger.Instance);

        using var impatient = new CancellationTokenSource();
        var cancelled = cache.GetAccessTokenAsync(impatient.Token).AsTask();
        var patient = cache.GetAccessTokenAsync().AsTask();
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(patient.IsCompleted);
        Assert.False(fetchToken.IsCancellationRequested);
        release.SetResult();
        Assert.Equal("shared", (await patient).Value);
    }

    [Fact]
    public async Task Failed_fetch_is_not_cached_and_the_next_caller_recovers()
    {
        using var test = new TestClient();
        test.Stub.Token = n => n == 1 ? StubHandler.Status(HttpStatusCode.ServiceUnavailable) : StubHandler.Json(Secrets.TokenJson());

        var error = await Assert.ThrowsAsync<CelerDataServerErrorException>(() => test.Cache.GetAccessTokenAsync().AsTask());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);

        var token = await test.Cache.GetAccessTokenAsync();
        Assert.Equal(Secrets.AccessToken, token.Value);
        Assert.Equal(2, test.Stub.TokenCalls);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_failure_then_recover_together()
    {
        var attempts = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cache = new CelerDataTokenCache(
            "Test",
            async _ =>
            {
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    await release.Task;
                    throw new CelerDataServerErrorException("Test", HttpStatusCode.BadGateway);
                }

                return new TokenEndpointResponse("second", 3600, null, "Bearer");
            },
            new FakeTimeProvider(),
            null,
            NullLogger.Instance);

        var failing = Enumerable.Range(0, 50).Select(_ => cache.GetAccessTokenAsync().AsTask()).ToArray();
        release.SetResult();
        foreach (var call in failing)
        {
            await Assert.ThrowsAsync<CelerDataServerErrorException>(() => call);
        }

        var recovered = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetAccessTokenAsync().AsTask()));
        Assert.All(recovered, t => Assert.Equal("second", t.Value));
        Assert.Equal(2, attempts);
    }
}

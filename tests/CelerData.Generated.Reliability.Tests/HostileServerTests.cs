using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CelerData.Emulator;
using CelerData.Generated.Reliability.Tests.Infrastructure;
using CelerData.Generated.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Reliability.Cloud;
using Xunit;
using Xunit.Abstractions;

namespace CelerData.Generated.Reliability.Tests;

/// <summary>
/// The generated client against the emulator's fault modes: each failure surfaces as a typed exception (Refit wraps
/// handler exceptions in <see cref="ApiRequestException"/>, so the chain is searched), only 429 (and 401) are retried,
/// no request ever leaves without credentials, and the first call after the server recovers succeeds.
/// </summary>
public sealed class HostileServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_slow_server_is_abandoned_when_the_caller_cancels_and_the_next_call_succeeds_once_it_is_fast()
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Latency = TimeSpan.FromSeconds(30), Scope = EmulatorFaultScope.Resources });
        var stopwatch = Stopwatch.StartNew();

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync(cancellation.Token));

        Assert.NotNull(ExceptionChain.Find<OperationCanceledException>(error));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), "cancellation took " + stopwatch.Elapsed);
        session.Emulator.ClearFaults();
        Assert.NotEmpty((await session.Api.ListClustersAsync()).List);
        Assert.Equal(0, session.RequestsWithoutValidCredentials());
    }

    [Fact]
    public async Task A_slow_api_is_abandoned_at_the_HttpClient_timeout_and_the_next_call_succeeds_once_it_is_fast()
    {
        await using var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });
        var services = new ServiceCollection();
        services.AddReliabilityCloudClient(emulator)
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(500));
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<ICelerDataCloudApi>();
        emulator.SetFaults(new EmulatorFaultOptions { Latency = TimeSpan.FromSeconds(30), Scope = EmulatorFaultScope.Resources });
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => api.ListClustersAsync());

        output.WriteLine(ExceptionChain.Describe(error));
        Assert.NotNull(ExceptionChain.Find<TimeoutException>(error));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), "the timeout took " + stopwatch.Elapsed);
        emulator.ClearFaults();
        Assert.NotEmpty((await api.ListClustersAsync()).List);
    }

    [Fact]
    public async Task A_slow_token_endpoint_is_abandoned_by_each_caller_that_cancels_and_later_callers_get_a_token()
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Latency = TimeSpan.FromSeconds(3), Scope = EmulatorFaultScope.Token, Count = 1 });

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync(cancellation.Token));
        Assert.NotNull(ExceptionChain.Find<OperationCanceledException>(error));

        // The fetch the cancelled caller started goes on for the others; it completes once the latency has passed.
        Assert.NotEmpty((await session.Api.ListClustersAsync()).List);
        Assert.Equal(1, session.Stats.TokenRequests);
    }

    [Theory]
    [InlineData(EmulatorFaultScope.Token)]
    [InlineData(EmulatorFaultScope.Resources)]
    public async Task A_connection_reset_is_a_transport_error_and_the_next_call_succeeds(EmulatorFaultScope scope)
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ConnectionReset, Scope = scope });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync());

        output.WriteLine(ExceptionChain.Describe(error));
        Assert.NotNull(ExceptionChain.Find<HttpRequestException>(error));
        await AssertRecoversAsync(session);
    }

    [Fact]
    public async Task A_token_response_cut_mid_body_is_a_malformed_token_response_and_is_not_cached()
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.TruncatedBody, Scope = EmulatorFaultScope.Token });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync());

        Assert.NotNull(ExceptionChain.Find<CelerDataMalformedTokenResponseException>(error));
        Assert.Equal(0, session.Stats.ApiRequests);
        await AssertRecoversAsync(session);
    }

    [Fact]
    public async Task An_api_response_cut_mid_body_is_an_error_never_a_partial_result()
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.TruncatedBody, Scope = EmulatorFaultScope.Resources });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync());

        Assert.True(ExceptionChain.Find<IOException>(error) is not null || ExceptionChain.Find<HttpRequestException>(error) is not null, ExceptionChain.Describe(error));
        await AssertRecoversAsync(session);
    }

    [Theory]
    [InlineData(EmulatorFaultKind.MalformedJson)]
    [InlineData(EmulatorFaultKind.HtmlErrorPage)]
    public async Task A_token_endpoint_answering_200_with_something_other_than_json_is_a_malformed_token_response(EmulatorFaultKind kind)
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = kind, Scope = EmulatorFaultScope.Token });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync());

        var typed = ExceptionChain.Find<CelerDataMalformedTokenResponseException>(error);
        Assert.NotNull(typed);
        Assert.Equal(0, session.Stats.ApiRequests);
        await AssertRecoversAsync(session);
    }

    [Theory]
    [InlineData(EmulatorFaultKind.MalformedJson)]
    [InlineData(EmulatorFaultKind.HtmlErrorPage)]
    public async Task An_api_answering_200_with_something_other_than_json_is_a_deserialization_error(EmulatorFaultKind kind)
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = kind, Scope = EmulatorFaultScope.Resources });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync());

        Assert.IsType<ApiException>(error);
        Assert.NotNull(ExceptionChain.Find<JsonException>(error));
        await AssertRecoversAsync(session);
    }

    [Fact]
    public async Task A_storm_of_500s_from_the_token_endpoint_fails_each_call_with_one_request_and_no_retry()
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Scope = EmulatorFaultScope.Token });

        for (var i = 0; i < 10; i++)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync());
            Assert.Equal(HttpStatusCode.InternalServerError, ExceptionChain.Find<CelerDataServerErrorException>(error)?.StatusCode);
        }

        Assert.Equal(10, session.Stats.TokenRequests);
        Assert.Equal(0, session.Stats.ApiRequests);
        await AssertRecoversAsync(session);
    }

    [Fact]
    public async Task A_storm_of_500s_from_the_api_fails_each_call_once_and_keeps_the_token()
    {
        await using var session = await ClientSession.StartAsync();
        Assert.NotEmpty((await session.Api.ListClustersAsync()).List);
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.ServerError, Scope = EmulatorFaultScope.Resources });

        for (var i = 0; i < 10; i++)
        {
            // The emulator's 500 carries an envelope, so the failure is typed with its code and status.
            var error = await Assert.ThrowsAsync<CelerDataApiException>(() => session.Api.ListClustersAsync());
            Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
            Assert.NotNull(error.Code);
        }

        Assert.Equal(11, session.Stats.ApiRequests);
        Assert.Equal(1, session.Stats.TokenRequests);
        await AssertRecoversAsync(session);
    }

    [Theory]
    [InlineData(EmulatorFaultScope.Token)]
    [InlineData(EmulatorFaultScope.Resources)]
    public async Task A_storm_of_429s_is_retried_as_often_as_allowed_then_fails_with_when_to_retry(EmulatorFaultScope scope)
    {
        await using var session = await ClientSession.StartAsync(client: options => options.MaxRateLimitRetries = 2);
        if (scope == EmulatorFaultScope.Resources)
        {
            Assert.NotEmpty((await session.Api.ListClustersAsync()).List);
            session.Emulator.Reset();
        }

        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.TooManyRequests, Scope = scope, RetryAfterSeconds = 0 });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.Api.ListClustersAsync());

        var typed = ExceptionChain.Find<CelerDataRateLimitedException>(error);
        Assert.NotNull(typed);
        Assert.Equal(HttpStatusCode.TooManyRequests, typed.StatusCode);
        var stats = session.Stats;
        Assert.Equal(3, scope == EmulatorFaultScope.Token ? stats.TokenRequests : stats.ApiRequests);
        await AssertRecoversAsync(session);
    }

    [Fact]
    public async Task A_short_burst_of_429s_is_ridden_out_by_the_retries()
    {
        await using var session = await ClientSession.StartAsync();
        session.Emulator.SetFaults(new EmulatorFaultOptions { Kind = EmulatorFaultKind.TooManyRequests, Count = 2, RetryAfterSeconds = 0 });

        Assert.NotEmpty((await session.Api.ListClustersAsync()).List);

        Assert.Equal(2, session.Stats.FaultsInjected);
        Assert.Equal(0, session.RequestsWithoutValidCredentials());
    }

    [Fact]
    public async Task Random_faults_of_every_kind_give_typed_errors_never_hang_never_drop_credentials_and_clear_at_once()
    {
        await using var session = await ClientSession.StartAsync(client: options => options.MaxRateLimitRetries = 1);
        var kinds = Enum.GetValues<EmulatorFaultKind>().Where(k => k != EmulatorFaultKind.None).ToArray();
        var random = new Random(6);
        var successes = 0;
        var failures = 0;
        for (var round = 0; round < 120; round++)
        {
            var scope = (EmulatorFaultScope)random.Next(3);
            session.Emulator.SetFaults(new EmulatorFaultOptions
            {
                Kind = kinds[random.Next(kinds.Length)],
                Rate = 0.5,
                RetryAfterSeconds = 0,
                Scope = scope,
            });
            if (scope != EmulatorFaultScope.Resources)
            {
                // A cached token would keep the token endpoint, and its faults, out of the round.
                session.Client.TokenCache!.Clear();
            }

            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                // A method returns only when the envelope's code was 20000; it throws for any other.
                var answered = round % 2 == 0
                    ? (object)(await session.Api.ListClustersAsync(cancellation.Token)).List
                    : (await session.Api.GetClusterStateAsync(session.Emulator.ClusterId, cancellation.Token)).ClusterState;
                Assert.NotNull(answered);
                successes++;
            }
            catch (Exception error) when (IsExpected(error))
            {
                Assert.False(cancellation.IsCancellationRequested, "a call hung: " + ExceptionChain.Describe(error));
                failures++;
            }
        }

        var faults = session.Stats.FaultsInjected;
        output.WriteLine($"{successes} successes, {failures} typed failures, {faults} faults injected and survived");
        Assert.True(faults > 30, "too few faults were injected: " + faults);
        Assert.True(successes > 0 && failures > 0);
        Assert.Equal(0, session.RequestsWithoutValidCredentials());
        await AssertRecoversAsync(session);
    }

    /// <summary>What a caller may see from a faulty server: a typed runtime error, Refit's API error, a transport error.</summary>
    private static bool IsExpected(Exception error) =>
        ExceptionChain.Find<CelerDataException>(error) is not null
        || error is ApiException
        || ExceptionChain.Find<HttpRequestException>(error) is not null;

    private static async Task AssertRecoversAsync(ClientSession session)
    {
        session.Emulator.ClearFaults();
        Assert.NotEmpty((await session.Api.ListClustersAsync()).List);
        Assert.Equal("Running", (await session.Api.GetClusterStateAsync(session.Emulator.ClusterId)).ClusterState.ToString());
        Assert.Equal(0, session.RequestsWithoutValidCredentials());
    }
}

/// <summary>Registers the generated client for an emulator.</summary>
internal static class ServiceCollectionTestExtensions
{
    public static IHttpClientBuilder AddReliabilityCloudClient(this IServiceCollection services, CelerDataEmulator emulator) =>
        services.AddCelerDataCloudClient(options =>
        {
            options.ClientId = emulator.Client.ClientId;
            options.ClientSecret = emulator.Client.ClientSecret;
            options.BaseAddress = emulator.BaseAddress;
        });
}

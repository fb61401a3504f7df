using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>
/// Issue 12, item 2, over the wire: whatever fails, no credential (secret, Basic value, access or refresh token) is
/// reachable from the exception the caller catches, searching every object it holds by reflection.
/// </summary>
public sealed class ExceptionSecrecyTests
{
    private static async Task<Exception> FailingCallAsync(Func<HttpContext, int, Task> handle, Func<ITestCloudApi, Task> call, Action<IServiceCollection>? configure = null)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handle = handle;
        var services = new ServiceCollection();
        services.AddCelerDataClient(TestDescriptor.Create(server.BaseAddress), options =>
        {
            options.ClientId = Secrets.ClientId;
            options.ClientSecret = Secrets.ClientSecret;
            options.MaxRateLimitRetries = 0;
        });
        configure?.Invoke(services);
        await using var provider = services.BuildServiceProvider();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => call(provider.GetRequiredService<ITestCloudApi>()));
        Assert.Contains(server.Received, r => r.Authorization is not null);
        return error;
    }

    private static Task Token(HttpContext context) => context.Response.WriteAsync(Secrets.TokenJson());

    private static bool IsToken(HttpContext context) => context.Request.Path == "/api/1.0/token";

    [Fact]
    public void The_search_finds_a_credential_held_by_a_request_message_of_an_exception()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secrets.AccessToken);
        var error = new InvalidOperationException("outer", new HttpRequestException("inner") { Data = { ["request"] = request } });

        Assert.Equal(Secrets.AccessToken, ExceptionGraph.FindAny(error, Secrets.All));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(401)]
    public async Task A_failed_api_call_holds_no_bearer_token(int status)
    {
        var error = await FailingCallAsync(
            (context, _) =>
            {
                if (IsToken(context))
                {
                    return Token(context);
                }

                context.Response.StatusCode = status;
                return context.Response.WriteAsync("""{"code":1}""");
            },
            api => api.ListClustersAsync());

        Assert.IsType<Refit.ApiException>(error);
        Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
    }

    [Fact]
    public async Task A_connection_reset_during_an_api_call_holds_no_bearer_token()
    {
        var error = await FailingCallAsync(
            (context, _) =>
            {
                if (IsToken(context))
                {
                    return Token(context);
                }

                context.Abort();
                return Task.CompletedTask;
            },
            api => api.EchoAsync(new EchoRequest { Text = "x" }));

        Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(200)]
    public async Task A_failed_token_call_holds_no_Basic_value(int status)
    {
        var error = await FailingCallAsync(
            (context, _) =>
            {
                context.Response.StatusCode = status;
                return context.Response.WriteAsync("<html>" + Secrets.ClientSecret + "</html>");
            },
            api => api.ListClustersAsync());

        Assert.NotNull(ExceptionChainOf<CelerDataException>(error));
        Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
    }

    [Fact]
    public async Task A_timeout_of_the_token_HttpClient_is_typed_and_holds_no_Basic_value()
    {
        var error = await FailingCallAsync(
            async (context, _) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                await Token(context);
            },
            api => api.ListClustersAsync(),
            services => services.AddHttpClient(TestDescriptor.Name + ".Token").ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(300)));

        Assert.NotNull(ExceptionChainOf<CelerDataTokenTimeoutException>(error));
        Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
    }

    [Fact]
    public async Task The_token_fetch_timeout_option_fails_typed_without_waiting_for_the_slow_endpoint()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handle = async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
            await Token(context);
        };
        var options = Secrets.Options(server.BaseAddress);
        options.TokenFetchTimeout = TimeSpan.FromMilliseconds(400);
        using var client = CelerDataClientFactory.Create(TestDescriptor.Create(server.BaseAddress), options);
        var stopwatch = Stopwatch.StartNew();

        var error = await Errors.Find<CelerDataTokenTimeoutException>(() => client.Api.ListClustersAsync());

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "the timeout took " + stopwatch.Elapsed);
        Assert.Equal(TimeSpan.FromMilliseconds(400), error.Timeout);
        Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
    }

    private static T? ExceptionChainOf<T>(Exception error)
        where T : Exception
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}

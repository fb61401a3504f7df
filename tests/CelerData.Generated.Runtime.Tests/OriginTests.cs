using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using CelerData.Generated.Runtime.Tests.TestApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>
/// Issue 12, item 1, over the wire: two Kestrel servers on loopback are two origins (different ports). The API
/// server redirects to the other, which answers 401 to everything: whichever primary handler is used, the other
/// server never sees a Basic value or a bearer token, and the 401 never makes the client fetch a token for it.
/// </summary>
public sealed class OriginTests
{
    private static async Task<(LoopbackServer Api, LoopbackServer Other)> StartAsync(bool redirectTokenEndpoint = false)
    {
        var other = await LoopbackServer.StartAsync();
        other.Handle = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        var api = await LoopbackServer.StartAsync();
        api.Handle = (context, _) =>
        {
            var isToken = context.Request.Path == "/api/1.0/token";
            if (isToken && !redirectTokenEndpoint)
            {
                return context.Response.WriteAsync(Secrets.TokenJson());
            }

            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = new Uri(other.BaseAddress, context.Request.Path + context.Request.QueryString).ToString();
            return Task.CompletedTask;
        };
        return (api, other);
    }

    private static void AssertNoCredentialReached(LoopbackServer other)
    {
        Assert.All(other.Received, request => Assert.Null(request.Authorization));
    }

    [Fact]
    public async Task The_default_primary_handler_follows_no_redirect_so_the_other_origin_is_never_contacted()
    {
        var (api, other) = await StartAsync();
        await using (api)
        await using (other)
        {
            using var client = CelerDataClientFactory.Create(TestDescriptor.Create(api.BaseAddress), Secrets.Options(api.BaseAddress));

            var error = await Assert.ThrowsAsync<ApiException>(() => client.Api.ListClustersAsync());

            Assert.Equal(HttpStatusCode.Found, error.StatusCode);
            Assert.Empty(other.Received);
            Assert.Equal(1, api.Received.Count(r => r.PathAndQuery.StartsWith("/api/1.0/token", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_primary_handler_that_follows_redirects_gets_a_typed_refusal_and_no_retry_with_a_new_token()
    {
        var (api, other) = await StartAsync();
        await using (api)
        await using (other)
        {
            using var client = CelerDataClientFactory.Create(
                TestDescriptor.Create(api.BaseAddress),
                Secrets.Options(api.BaseAddress),
                new SocketsHttpHandler { AllowAutoRedirect = true });

            var error = await Errors.Find<CelerDataForeignOriginException>(() => client.Api.ListClustersAsync());

            Assert.Equal("http://" + other.BaseAddress.Authority, error.Origin);
            AssertNoCredentialReached(other);
            Assert.Single(other.Received);
            Assert.Equal(1, api.Received.Count(r => r.PathAndQuery.StartsWith("/api/1.0/token", StringComparison.Ordinal)));
            Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
        }
    }

    [Fact]
    public async Task A_redirected_token_request_never_takes_the_Basic_value_to_the_other_origin()
    {
        var (api, other) = await StartAsync(redirectTokenEndpoint: true);
        await using (api)
        await using (other)
        {
            using var client = CelerDataClientFactory.Create(
                TestDescriptor.Create(api.BaseAddress),
                Secrets.Options(api.BaseAddress),
                new SocketsHttpHandler { AllowAutoRedirect = true });

            var error = await Errors.Find<CelerDataForeignOriginException>(() => client.Api.ListClustersAsync());

            AssertNoCredentialReached(other);
            Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
        }
    }

    [Fact]
    public async Task Dependency_injection_follows_no_redirect_either()
    {
        var (api, other) = await StartAsync();
        await using (api)
        await using (other)
        {
            var services = new ServiceCollection();
            services.AddCelerDataClient(TestDescriptor.Create(api.BaseAddress), options =>
            {
                options.ClientId = Secrets.ClientId;
                options.ClientSecret = Secrets.ClientSecret;
            });
            await using var provider = services.BuildServiceProvider();

            var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<ITestCloudApi>().ListClustersAsync());

            Assert.Equal(HttpStatusCode.Found, error.StatusCode);
            Assert.Empty(other.Received);
            Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
        }
    }

    [Fact]
    public async Task Dependency_injection_with_an_application_primary_handler_that_follows_redirects_refuses_typed()
    {
        var (api, other) = await StartAsync();
        await using (api)
        await using (other)
        {
            var services = new ServiceCollection();
            services.AddCelerDataClient(TestDescriptor.Create(api.BaseAddress), options =>
                {
                    options.ClientId = Secrets.ClientId;
                    options.ClientSecret = Secrets.ClientSecret;
                })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true });
            await using var provider = services.BuildServiceProvider();

            var error = await Errors.Find<CelerDataForeignOriginException>(() => provider.GetRequiredService<ITestCloudApi>().ListClustersAsync());

            AssertNoCredentialReached(other);
            Assert.Equal(1, api.Received.Count(r => r.PathAndQuery.StartsWith("/api/1.0/token", StringComparison.Ordinal)));
            Assert.Null(ExceptionGraph.FindAny(error, Secrets.All));
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/api/1.0/clusters")]
    [InlineData("https://127.0.0.1/api/1.0/clusters")]
    [InlineData("http://localhost/api/1.0/clusters")]
    public void Only_the_scheme_host_and_port_of_the_base_address_is_an_allowed_origin(string address)
    {
        var scope = new CredentialScope("Test", new Uri("http://127.0.0.1:5000/"), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.True(scope.Allows(new Uri("http://127.0.0.1:5000/api/1.0/clusters?x=1")));
        Assert.False(scope.Allows(new Uri(address)));
        Assert.Throws<CelerDataForeignOriginException>(() => scope.EnsureAllowed(new Uri(address)));
    }
}
